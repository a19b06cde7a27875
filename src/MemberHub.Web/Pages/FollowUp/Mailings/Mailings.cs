using System.Globalization;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Messaging;
using MemberHub.Web.Documents;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Outbox;
using MemberHub.Web.Pages.FollowUp.Segments;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.FollowUp.Mailings;

public sealed class MailingInput
{
    public string? Title { get; set; }
    public long? SegmentId { get; set; }
    public MailingChannel Channel { get; set; } = MailingChannel.Email;
    public long? MailingListId { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
}

public sealed record MailingRow(long Id, string Title, MailingChannel Channel, MailingStatus Status, string? SegmentName, string? ListName,
    int RecipientCount, int ExcludedCount, DateTime CreatedAt, DateTime? SentAt, string? SentByName);

public sealed record MailingView(Mailing Mailing, string? SegmentName, string? ListName, string Criteria, string CriteriaJson, Audience Audience);

public sealed record MailPreview(string ToName, string ToAddress, string Subject, string Body);

public sealed record SendProgress(long MailingId, int Total, int Pending, int Sent, int Failed)
{
    public bool InProgress => Pending > 0;
    public int Percent => Total == 0 ? 100 : Math.Clamp((Sent + Failed) * 100 / Total, 0, 100);
}

public enum MailingOutcome { Done, Invalid, NotFound, AlreadySent }

public static class MailingLabels
{
    public static string Of(MailingChannel c) => c switch
    {
        MailingChannel.Letter => "手紙（郵送）",
        MailingChannel.Labels => "宛名ラベル・封筒",
        _ => "メール",
    };

    public static string Of(MailingStatus s) => s switch
    {
        MailingStatus.Queued => "送信中・作成中",
        MailingStatus.Done => "完了",
        MailingStatus.Cancelled => "取りやめ",
        _ => "下書き",
    };

    public const string Category = "newsletter";
    public const string TestCategory = "newsletter-test";
}

/// <summary>
/// お知らせ・ニュースレター: a draft to a segment (e-mail, letter or labels), its audience with the people left out
/// and why, a preview per person, a test to oneself, and the sending: every e-mail queued in the outbox in one
/// transaction, each with its own signed unsubscribe link, and the mailing audited (who, when, segment, how many).
/// </summary>
public sealed class MailingsHandler(
    MemberHubDbContext db,
    MailingAudienceQuery audience,
    SegmentChoicesQuery choices,
    OutboxQueue outbox,
    SiteLinks links,
    IDataProtectionProvider protection,
    DocumentJobQueue documents,
    IAuditActor actor,
    TimeProvider clock)
{
    private const int QueueChunk = 1000;

    public async Task<IReadOnlyList<MailingRow>> ListAsync(CancellationToken ct = default) =>
        await db.Mailings.AsNoTracking().OrderByDescending(m => m.Id).Take(200)
            .Select(m => new MailingRow(m.Id, m.Title, m.Channel, m.Status,
                db.Segments.Where(s => s.Id == m.SegmentId).Select(s => s.Name).FirstOrDefault(),
                db.MailingLists.Where(l => l.Id == m.MailingListId).Select(l => l.Name).FirstOrDefault(),
                m.RecipientCount, m.ExcludedCount, m.CreatedAt, m.SentAt, m.SentByName))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<Choice>> SegmentsAsync(CancellationToken ct = default) =>
        await db.Segments.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);

    public async Task<IReadOnlyList<Choice>> ListsAsync(CancellationToken ct = default) =>
        await db.MailingLists.AsNoTracking().Where(l => !l.IsRetired).OrderBy(l => l.SortOrder).Select(l => new Choice(l.Id, l.Name)).ToListAsync(ct);

    public async Task<MailingInput?> InputAsync(long id, CancellationToken ct = default) =>
        await db.Mailings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MailingInput { Title = m.Title, SegmentId = m.SegmentId, Channel = m.Channel, MailingListId = m.MailingListId, Subject = m.Subject, Body = m.Body })
            .SingleOrDefaultAsync(ct);

    public async Task<(MailingOutcome Outcome, long Id, List<(string Field, string Message)> Errors)> SaveDraftAsync(long? id, MailingInput input, CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0) errors.Add((nameof(input.Title), "タイトルを入力してください（例：会報2026年春号）。"));
        else if (title.Length > 200) errors.Add((nameof(input.Title), "タイトルは200文字以内で入力してください。"));
        if (!Enum.IsDefined(input.Channel)) errors.Add((nameof(input.Channel), "送り方を選んでください。"));
        Segment? segment = null;
        if (input.SegmentId is { } sid) segment = await db.Segments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sid, ct);
        if (segment is null) errors.Add((nameof(input.SegmentId), "送り先のセグメントを選んでください。"));
        if (input.MailingListId is { } lid && !await db.MailingLists.AnyAsync(l => l.Id == lid, ct))
            errors.Add((nameof(input.MailingListId), "配信リストを一覧から選んでください。"));
        var subject = (input.Subject ?? "").Trim();
        var body = (input.Body ?? "").Replace("\r\n", "\n");
        if (input.Channel != MailingChannel.Labels)
        {
            if (subject.Length == 0) errors.Add((nameof(input.Subject), input.Channel == MailingChannel.Email ? "件名を入力してください。" : "手紙の表題を入力してください。"));
            else if (subject.Length > 200) errors.Add((nameof(input.Subject), "件名は200文字以内で入力してください。"));
            if (body.Trim().Length == 0) errors.Add((nameof(input.Body), "本文を入力してください。"));
            else if (body.Length > 20000) errors.Add((nameof(input.Body), "本文は20,000文字以内で入力してください。"));
            foreach (var unknown in TemplateText.UnknownFields(subject + "\n" + body, MailingAudienceQuery.Fields))
                errors.Add((nameof(input.Body), $"差し込み項目 {{{{{unknown}}}}} はありません。使えるのは {TemplateText.Describe(MailingAudienceQuery.Fields)} です。"));
        }
        if (errors.Count > 0) return (MailingOutcome.Invalid, id ?? 0, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        Mailing? mailing;
        if (id is { } existing)
        {
            mailing = await db.Mailings.SingleOrDefaultAsync(m => m.Id == existing, ct);
            if (mailing is null) return (MailingOutcome.NotFound, existing, errors);
            if (mailing.Status != MailingStatus.Draft) return (MailingOutcome.AlreadySent, existing, [("", "送信済み・作成済みのお知らせは変更できません。")]);
            mailing.Version++;
        }
        else
        {
            mailing = new Mailing { CreatedAt = now, CreatedByName = actor.UserName, Status = MailingStatus.Draft };
            db.Mailings.Add(mailing);
        }
        mailing.Title = title;
        mailing.SegmentId = segment!.Id;
        mailing.CriteriaJson = segment.CriteriaJson;
        mailing.Channel = input.Channel;
        mailing.MailingListId = input.MailingListId;
        mailing.Subject = subject;
        mailing.Body = body;
        await db.SaveChangesAsync(ct);
        return (MailingOutcome.Done, mailing.Id, errors);
    }

    /// <summary>A draft follows its segment as it is now; a sent mailing shows the criteria it was sent with.</summary>
    public async Task<MailingView?> ViewAsync(long id, CancellationToken ct = default)
    {
        var mailing = await db.Mailings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mailing is null) return null;
        var segment = mailing.SegmentId is { } sid ? await db.Segments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sid, ct) : null;
        var listName = mailing.MailingListId is { } lid ? await db.MailingLists.Where(l => l.Id == lid).Select(l => l.Name).SingleOrDefaultAsync(ct) : null;
        var json = mailing.Status == MailingStatus.Draft && segment is not null ? segment.CriteriaJson : mailing.CriteriaJson;
        var criteria = SegmentCriteria.FromJson(json);
        var names = await choices.GetAsync(ct);
        var people = await audience.ForAsync(criteria, mailing.Channel, mailing.MailingListId, ct);
        return new MailingView(mailing, segment?.Name, listName, names.Describe(criteria), json, people);
    }

    public async Task<MailPreview?> PreviewAsync(long id, long? memberId, CancellationToken ct = default)
    {
        var view = await ViewAsync(id, ct);
        if (view is null) return null;
        var person = memberId is { } mid ? view.Audience.Recipients.FirstOrDefault(p => p.Id == mid) : view.Audience.Recipients.FirstOrDefault();
        if (person is null) return null;
        var organisation = await OrganisationAsync(ct);
        var url = UnsubscribeUrl(person.Id, view.Mailing);
        return Render(view.Mailing, person, organisation, url);
    }

    /// <summary>The mail as the first chosen person would get it, to the signed-in user's own address; the link in it is a dummy.</summary>
    public async Task<(MailingOutcome Outcome, string Message)> TestSendAsync(long id, long? memberId, CancellationToken ct = default)
    {
        var view = await ViewAsync(id, ct);
        if (view is null) return (MailingOutcome.NotFound, "");
        if (view.Mailing.Channel != MailingChannel.Email) return (MailingOutcome.Invalid, "テスト送信はメールのお知らせだけです。");
        var person = memberId is { } mid ? view.Audience.Recipients.FirstOrDefault(p => p.Id == mid) : view.Audience.Recipients.FirstOrDefault();
        if (person is null) return (MailingOutcome.Invalid, "送り先がいないため、テスト送信の見本を作れません。");
        var me = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(me?.Email)) return (MailingOutcome.Invalid, "あなたのアカウントにメールアドレスがないため、テスト送信できません。");
        var organisation = await OrganisationAsync(ct);
        var preview = Render(view.Mailing, person, organisation, links.Absolute("/Unsubscribe?t=test"));
        outbox.Add(new OutgoingMail(MailingLabels.TestCategory, null, view.Mailing.Id, me.Email, me.DisplayName,
            "【テスト】" + preview.Subject, "※これはテスト送信です（見本：" + person.Name + " 様あて）。配信停止リンクは働きません。\n\n" + preview.Body));
        await db.SaveChangesAsync(ct);
        outbox.NotifySender();
        return (MailingOutcome.Done, $"{me.Email} あてにテストメールを送信待ちにしました。");
    }

    /// <summary>
    /// Queues one e-mail per recipient in chunks, all in one transaction with the mailing's change to 送信中, so a
    /// failure leaves nothing half-sent; a second press finds the mailing no longer a draft (its version changed).
    /// </summary>
    public async Task<(MailingOutcome Outcome, string Message)> SendAsync(long id, CancellationToken ct = default)
    {
        var view = await ViewAsync(id, ct);
        if (view is null) return (MailingOutcome.NotFound, "");
        if (view.Mailing.Status != MailingStatus.Draft) return (MailingOutcome.AlreadySent, "このお知らせは送信済みです。");
        if (view.Mailing.Channel != MailingChannel.Email) return (MailingOutcome.Invalid, "郵送のお知らせは「PDFを作成」から印刷してください。");
        var recipients = view.Audience.Recipients;
        if (recipients.Count == 0) return (MailingOutcome.Invalid, "送り先が1人もいないため送信しませんでした。");
        var organisation = await OrganisationAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var mailing = await db.Mailings.SingleAsync(m => m.Id == id, ct);
        if (mailing.Status != MailingStatus.Draft || mailing.Version != view.Mailing.Version)
            return (MailingOutcome.AlreadySent, "このお知らせは送信済みです。");
        Record(mailing, view, now);
        mailing.Status = MailingStatus.Queued;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (MailingOutcome.AlreadySent, "このお知らせは他の方が送信しました。");
        }
        AuditSend(mailing, view, "メール");
        var token = new UnsubscribeToken(protection);
        var expires = JapanTime.Today(clock).AddDays((int)UnsubscribeToken.Lifetime.TotalDays);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in recipients.Chunk(QueueChunk))
        {
            foreach (var person in chunk)
            {
                var t = token.Create(new UnsubscribeClaim(person.Id, mailing.MailingListId, mailing.Id, expires));
                var preview = Render(mailing, person, organisation, links.Absolute("/Unsubscribe?t=" + t));
                outbox.Add(new OutgoingMail(MailingLabels.Category, person.Id, mailing.Id, person.Email!, preview.ToName, preview.Subject, preview.Body,
                    ContactSummary: $"お知らせ「{mailing.Title}」をメールで送付",
                    ListUnsubscribeUrl: links.Absolute("/Unsubscribe/OneClick?t=" + t)));
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await tx.CommitAsync(ct);
        outbox.NotifySender();
        return (MailingOutcome.Done, $"{JapaneseFormat.Number(recipients.Count)}名へのメールを送信待ちにしました。送信の進み具合はこの画面に表示されます。");
    }

    /// <summary>Letters or labels as one PDF made in the background, in postal-code order; the mailing records whom it reached.</summary>
    public async Task<(MailingOutcome Outcome, string Message, long? JobId)> PrintAsync(long id, string? sheetKey, CancellationToken ct = default)
    {
        var view = await ViewAsync(id, ct);
        if (view is null) return (MailingOutcome.NotFound, "", null);
        var m = view.Mailing;
        if (m.Channel == MailingChannel.Email) return (MailingOutcome.Invalid, "メールのお知らせは「送信する」から送ってください。", null);
        var sheet = LabelSheet.Find(sheetKey);
        if (m.Channel == MailingChannel.Labels && sheet is null) return (MailingOutcome.Invalid, "ラベル用紙を選んでください。", null);
        var recipients = view.Audience.Recipients;
        if (recipients.Count == 0) return (MailingOutcome.Invalid, "送り先が1人もいないため作成しませんでした。", null);

        var now = clock.GetUtcNow().UtcDateTime;
        var mailing = await db.Mailings.SingleAsync(x => x.Id == id, ct);
        if (mailing.Status == MailingStatus.Draft) Record(mailing, view, now);
        mailing.Status = MailingStatus.Done;
        mailing.Version++;
        AuditSend(mailing, view, m.Channel == MailingChannel.Letter ? "手紙PDF" : "宛名ラベルPDF（" + sheet!.Name + "）");
        await db.SaveChangesAsync(ct);

        var ids = DocumentJobKinds.FormatIds(recipients.Select(r => r.Id));
        var stamp = JapanTime.ToJapan(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var job = m.Channel == MailingChannel.Letter
            ? await documents.QueueAsync(MailingDocumentKinds.Letters, id, ids, $"お知らせ（手紙）「{m.Title}」", $"お知らせ_{stamp}.pdf", actor.UserId, actor.UserName, ct)
            : await documents.QueueAsync(MailingDocumentKinds.Labels, id, sheet!.Key + ";" + ids, $"宛名ラベル「{m.Title}」{sheet.Name}", $"宛名ラベル_{stamp}.pdf", actor.UserId, actor.UserName, ct);
        mailing.DocumentJobId = job.Id;
        mailing.Version++;
        await db.SaveChangesAsync(ct);
        return (MailingOutcome.Done, $"{JapaneseFormat.Number(recipients.Count)}名分のPDFを作成しています。", job.Id);
    }

    public async Task<SendProgress> ProgressAsync(long id, CancellationToken ct = default)
    {
        var counts = await db.OutboxMessages.AsNoTracking()
            .Where(o => o.Category == MailingLabels.Category && o.RelatedId == id)
            .GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(params OutboxStatus[] s) => counts.Where(c => s.Contains(c.Key)).Sum(c => c.Count);
        return new SendProgress(id, counts.Sum(c => c.Count), Of(OutboxStatus.Pending, OutboxStatus.Sending), Of(OutboxStatus.Sent), Of(OutboxStatus.Failed));
    }

    private void Record(Mailing mailing, MailingView view, DateTime now)
    {
        // The criteria as they were when sent: the segment may be edited later, the record of this mailing may not.
        mailing.CriteriaJson = view.CriteriaJson;
        mailing.RecipientCount = view.Audience.Recipients.Count;
        mailing.ExcludedCount = view.Audience.ExcludedCount;
        var summary = view.Audience.ExcludedSummary;
        mailing.ExcludedSummary = summary.Length == 0 ? null : summary.Length <= 1000 ? summary : summary[..1000];
        mailing.SentAt = now;
        mailing.SentByName = actor.UserName;
    }

    /// <summary>Mailings are audited as a whole (who, when, which segment, how many) besides the field changes the interceptor records.</summary>
    private void AuditSend(Mailing mailing, MailingView view, string how)
    {
        var after = $"「{mailing.Title}」{how} 送付{mailing.RecipientCount}名 対象外{mailing.ExcludedCount}名"
            + (string.IsNullOrEmpty(mailing.ExcludedSummary) ? "" : $"（{mailing.ExcludedSummary}）")
            + $" セグメント「{view.SegmentName}」条件: {view.Criteria}";
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.UserName,
            EntityType = nameof(Mailing),
            EntityId = mailing.Id.ToString(CultureInfo.InvariantCulture),
            Action = "送付",
            Field = "お知らせ",
            After = after.Length <= 2000 ? after : after[..2000],
        });
    }

    private string UnsubscribeUrl(long memberId, Mailing mailing)
    {
        var expires = JapanTime.Today(clock).AddDays((int)UnsubscribeToken.Lifetime.TotalDays);
        var t = new UnsubscribeToken(protection).Create(new UnsubscribeClaim(memberId, mailing.MailingListId, mailing.Id, expires));
        return links.Absolute("/Unsubscribe?t=" + t);
    }

    private async Task<string> OrganisationAsync(CancellationToken ct) =>
        await db.OrganisationSettings.AsNoTracking().Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";

    /// <summary>
    /// The mail one person gets. The unsubscribe link is always at the foot, whether or not the template placed
    /// {{配信停止URL}} itself: bulk mail without a way out is not sent.
    /// </summary>
    public static MailPreview Render(Mailing mailing, AudienceMember person, string organisation, string unsubscribeUrl)
    {
        var fields = MailingAudienceQuery.FieldsFor(person, organisation, unsubscribeUrl);
        var body = TemplateText.Render(mailing.Body, fields).TrimEnd();
        if (mailing.Channel == MailingChannel.Email)
        {
            body += "\n\n――――――――――\n"
                + (string.IsNullOrEmpty(organisation) ? "" : organisation + "からのお知らせです。\n")
                + "今後このようなメールが不要な方は、次のページで配信を停止できます（ログイン不要）。\n" + unsubscribeUrl + "\n";
        }
        return new MailPreview(fields["氏名"], person.Email ?? "", TemplateText.Render(mailing.Subject, fields), body);
    }
}
