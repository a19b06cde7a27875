using System.Globalization;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Documents;
using MemberHub.Members;
using MemberHub.Messaging;
using MemberHub.Thanks;
using MemberHub.Web.Documents;
using MemberHub.Web.Outbox;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Mail.Thanks;

/// <summary>The notes an action is for: the ticked ones, or (「すべて選択」) every note of the filter.</summary>
public sealed class ThanksSelection
{
    public ThanksFilter Filter { get; set; } = new();
    public List<long> Ids { get; set; } = [];
    public bool All { get; set; }
    public string? Reason { get; set; }
}

public sealed record ThanksActionResult(bool Done, string Message, long? JobId = null);

/// <summary>
/// Sends thank-you notes in batches: e-mails into the outbox (in the same transaction as the notes become 送信待ち;
/// the outbox marks them 送付済 when the server accepts them), letters as one print-ready PDF in postal-code order,
/// recorded as 送付済 once staff say they are in the post; or 送付しない with a reason.
/// </summary>
public sealed class SendThankYousHandler(MemberHubDbContext db, ThankYouListQuery list, ThankYouTextQuery texts, OutboxQueue outbox,
    DocumentJobQueue jobs, IAuditActor actor, TimeProvider clock)
{
    private const int Chunk = 500;
    public const string NothingSelected = "お礼を1件以上選んでください。";

    private async Task<List<long>> IdsAsync(ThanksSelection s, CancellationToken ct)
    {
        if (s.All) return await list.Pending(s.Filter).OrderBy(n => n.Id).Select(n => n.Id).ToListAsync(ct);
        var wanted = s.Ids.Distinct().ToList();
        var result = new List<long>();
        foreach (var chunk in wanted.Chunk(Chunk))
            result.AddRange(await list.Pending(s.Filter).Where(n => chunk.Contains(n.Id)).Select(n => n.Id).ToListAsync(ct));
        return result;
    }

    public async Task<ThanksActionResult> SendEmailsAsync(ThanksSelection selection, CancellationToken ct = default)
    {
        selection.Filter.Channel = ThankYouChannel.Email;
        var ids = await IdsAsync(selection, ct);
        if (ids.Count == 0) return new(false, NothingSelected);
        var rendered = await texts.RenderAsync(ids, ct);
        var sendable = rendered.Where(t => !string.IsNullOrWhiteSpace(t.Email) && !t.RefusesEmail).ToList();
        var unsendable = rendered.Count - sendable.Count;
        if (sendable.Count == 0)
            return new(false, "選んだお礼の宛先にメールアドレスがない（またはメール拒否の）ため、送信できません。郵送に切り替えるか「送付しない」にしてください。");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var messages = new Dictionary<long, OutboxMessage>();
        var notes = new List<ThankYouNote>();
        foreach (var chunk in sendable.Select(t => t.NoteId).Chunk(Chunk))
            notes.AddRange(await db.ThankYouNotes.Where(n => chunk.Contains(n.Id) && n.Status == ThankYouStatus.Pending).ToListAsync(ct));
        var byId = sendable.ToDictionary(t => t.NoteId);
        foreach (var note in notes)
        {
            var t = byId[note.Id];
            messages[note.Id] = outbox.Add(new OutgoingMail(OutboxCategories.ThankYou, t.MemberId, note.Id, t.Email!, t.Name, t.Subject, t.Body,
                ContactSummary: Summary(t.Kind, t.FiscalYear, t.Amount, "メールで送付")));
            note.Status = ThankYouStatus.Queued;
            note.SentByName = actor.UserName;
            note.Version++;
        }
        await db.SaveChangesAsync(ct);
        // The outbox ids exist only now; the note keeps its message so a reversal can withdraw it while it waits.
        foreach (var note in notes) note.OutboxMessageId = messages[note.Id].Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        outbox.NotifySender();
        var message = $"{notes.Count}件のお礼メールを送信待ちにしました。";
        if (unsendable > 0) message += $"（{unsendable}件はメールアドレスがない、またはメール拒否のため送信していません）";
        return new(true, message);
    }

    /// <summary>The chosen letters as one PDF in postal-code order (the post office's discount wants them so), made in the background.</summary>
    public async Task<ThanksActionResult> QueueLettersAsync(ThanksSelection selection, string? userId, string userName, CancellationToken ct = default)
    {
        selection.Filter.Channel = ThankYouChannel.Letter;
        var ids = await IdsAsync(selection, ct);
        if (ids.Count == 0) return new(false, NothingSelected);
        var rows = new List<(long Id, string? PostalCode, int MemberNumber)>();
        foreach (var chunk in ids.Chunk(Chunk))
            rows.AddRange((await db.ThankYouNotes.AsNoTracking().Where(n => chunk.Contains(n.Id))
                .Join(db.Members, n => n.MemberId, m => m.Id, (n, m) => new { n.Id, m.PostalCode, m.MemberNumber }).ToListAsync(ct))
                .Select(r => (r.Id, r.PostalCode, r.MemberNumber)));
        // Sorted here rather than in SQL: the two databases order NULLs and strings differently.
        var ordered = rows.OrderBy(r => string.IsNullOrEmpty(r.PostalCode) ? "~" : r.PostalCode, StringComparer.Ordinal)
            .ThenBy(r => r.MemberNumber).ThenBy(r => r.Id).Select(r => r.Id).ToList();
        var today = JapanTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var job = await jobs.QueueAsync(ThankYouLettersProducer.JobKind, null, DocumentJobKinds.FormatIds(ordered),
            $"お礼状 {ordered.Count.ToString("#,0", CultureInfo.InvariantCulture)}通（郵送分）", $"お礼状_{today}.pdf", userId, userName, ct);
        return new(true, "お礼状の印刷用PDFの作成を始めました。完了するとダウンロードできます。", job.Id);
    }

    /// <summary>
    /// 郵送済みとして記録: the batch's letters that are still 未送付 become 送付済 and each member's contact history
    /// says what was posted. Letters recorded already (or skipped meanwhile) are left alone, so pressing twice records once.
    /// </summary>
    public async Task<ThanksActionResult> RecordPostedAsync(long jobId, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A no-op update locks the job, so a double click waits for the first and then finds nothing left to record.
        if (await db.DocumentJobs.Where(j => j.Id == jobId && j.Kind == ThankYouLettersProducer.JobKind && j.Status == DocumentJobStatus.Done)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.Done, j => j.Done), ct) == 0)
            return new(false, "印刷が完了したお礼状のPDFが見つかりません。");
        var ids = DocumentJobKinds.ParseIds(await db.DocumentJobs.Where(j => j.Id == jobId).Select(j => j.Parameters).SingleAsync(ct));
        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapanTime.Today(clock);
        var recorded = 0;
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var notes = await db.ThankYouNotes.Where(n => chunk.Contains(n.Id) && n.Status == ThankYouStatus.Pending && n.Channel == ThankYouChannel.Letter).ToListAsync(ct);
            foreach (var n in notes)
            {
                n.Status = ThankYouStatus.Sent;
                n.SentAt = now;
                n.SentByName = actor.UserName;
                n.Version++;
                db.ContactRecords.Add(new ContactRecord
                {
                    MemberId = n.MemberId, OccurredOn = today, Channel = ContactChannel.Post, StaffUserId = actor.UserId, StaffName = actor.UserName,
                    CreatedAt = now, Summary = Summary(n.Kind, n.FiscalYear, n.Amount, "郵送で送付"),
                });
            }
            recorded += notes.Count;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(true, recorded == 0 ? "このPDFのお礼状はすべて記録済みです。" : $"{recorded}通のお礼状を郵送済みとして記録しました。");
    }

    /// <summary>送付しない: with a reason, which stays on the note and shows on the member's page.</summary>
    public async Task<ThanksActionResult> SkipAsync(ThanksSelection selection, CancellationToken ct = default)
    {
        var reason = selection.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return new(false, "送付しない理由を入力してください。");
        if (reason.Length > 500) return new(false, "理由は500文字以内で入力してください。");
        var ids = await IdsAsync(selection, ct);
        if (ids.Count == 0) return new(false, NothingSelected);
        var count = 0;
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var notes = await db.ThankYouNotes.Where(n => chunk.Contains(n.Id) && n.Status == ThankYouStatus.Pending).ToListAsync(ct);
            foreach (var n in notes)
            {
                n.Status = ThankYouStatus.Skipped;
                n.Note = reason;
                n.SentByName = actor.UserName;
                n.Version++;
            }
            count += notes.Count;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(false, "他の方が同時にお礼を送付・変更しました。一覧を確認してから、もう一度操作してください。");
        }
        return new(true, $"{count}件を「送付しない」にしました。");
    }

    /// <summary>「2026年度会費のお礼（5,000円）をメールで送付」: the line in the member's contact history.</summary>
    public static string Summary(ThankYouKind kind, int? fiscalYear, Yen amount, string how) => kind switch
    {
        ThankYouKind.Withdrawal => $"退会のお礼状を{how}",
        ThankYouKind.Donation => $"寄附のお礼（{amount}）を{how}",
        _ => $"{(fiscalYear is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年度" : "")}会費のお礼（{amount}）を{how}",
    };
}

/// <summary>"thanks-letters": the thank-you letters listed in the job's parameters, in that (postal-code) order.</summary>
public sealed class ThankYouLettersProducer(ThankYouTextQuery texts, ILetterDocuments letters) : IDocumentJobProducer
{
    public const string JobKind = "thanks-letters";

    public string Kind => JobKind;

    public Task<IReadOnlyList<long>> ItemsAsync(DocumentJob job, CancellationToken ct) => Task.FromResult(DocumentJobKinds.ParseIds(job.Parameters));

    public async Task WriteAsync(DocumentJob job, IReadOnlyList<long> items, Stream output, IProgress<int> progress, CancellationToken ct)
    {
        var today = texts.Today;
        var rendered = await texts.RenderAsync(items, ct);
        await letters.WriteLettersAsync(rendered.Select(t => t.Letter(today)).ToList(), output, progress, ct);
    }
}
