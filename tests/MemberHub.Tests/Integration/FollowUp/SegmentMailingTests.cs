using System.Net;
using System.Text;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Documents;
using MemberHub.FollowUp;
using MemberHub.Identity;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Messaging;
using MemberHub.Tests.Integration.Outbox;
using MemberHub.Tests.Support;
using MemberHub.Tests.Unit.Documents;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration.FollowUp;

/// <summary>
/// Segments and what is done with them, through HTTP: the live count (one query, raw-SQL amount included, on both
/// databases), a mailing that leaves out people who refused, the unsubscribe link (valid, tampered, expired,
/// fetched by a bot, one-click), labels in postal-code order, the audited export and bulk tasks.
/// </summary>
public abstract class SegmentMailingTests
{
    private readonly MemberHubFactory _app;
    private readonly SmtpTestServer _smtp;

    protected SegmentMailingTests(MemberHubFactory app, SmtpTestServer smtp)
    {
        _app = app;
        _smtp = smtp;
        smtp.Configure(app.Settings);
    }

    private static string UniqueTag() => "T" + Guid.NewGuid().ToString("N")[..8];

    private async Task<long> TagIdAsync(string tag) => await _app.WithDbAsync(db => db.Tags.Where(t => t.Name == tag).Select(t => t.Id).SingleAsync());

    private Task<long> SegmentAsync(string name, SegmentCriteria criteria) => _app.WithDbAsync(async db =>
    {
        var s = new Segment { Name = name, CriteriaJson = criteria.ToJson(), CreatedAt = _app.Clock.GetUtcNow().UtcDateTime, UpdatedAt = _app.Clock.GetUtcNow().UtcDateTime };
        db.Segments.Add(s);
        await db.SaveChangesAsync();
        return s.Id;
    });

    private Task DonateAsync(long memberId, long amount, DateOnly on) => _app.WithDbAsync(async db =>
    {
        db.Payments.Add(new Payment
        {
            MemberId = memberId, ReceivedOn = on, Amount = new Yen(amount), Method = PaymentMethod.Cash, CreatedAt = _app.Clock.GetUtcNow().UtcDateTime,
            CreatedByName = "テスト", Allocations = [new PaymentAllocation { Kind = AllocationKind.Donation, MemberId = memberId, Amount = new Yen(amount) }],
        });
        await db.SaveChangesAsync();
    });

    /// <summary>What htmx posts when a criterion changes: the whole form (statuses cleared), to the Count handler.</summary>
    private static async Task<string> CountFragmentAsync(HttpClient client, params (string Key, string Value)[] fields)
    {
        var doc = await client.GetDocumentAsync("/FollowUp/Segments/Edit");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)doc.QuerySelector("#segment-form")!;
        var values = HtmlForms.FormFields(form);
        values.RemoveAll(f => f.Key.StartsWith("Input.Statuses", StringComparison.Ordinal) || fields.Any(x => x.Key == f.Key));
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        Assert.Equal("/FollowUp/Segments/Edit?handler=Count", form.GetAttribute("hx-post"));
        var response = await client.PostAsync("/FollowUp/Segments/Edit?handler=Count", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.BodyAsync();
    }

    private static async Task<int?> CountAsync(HttpClient client, params (string Key, string Value)[] fields)
    {
        var fragment = HtmlForms.Parse(await CountFragmentAsync(client, fields));
        var count = fragment.QuerySelector("[data-count]")?.GetAttribute("data-count");
        return count is null ? null : int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_count_follows_the_criteria_including_the_amount_paid_in_a_period()
    {
        _app.SkipIfUnavailable();
        var tag = UniqueTag();
        var generous = await new MemberBuilder().WithTag(tag).CreateAsync(_app);
        var small = await new MemberBuilder().WithTag(tag).InPrefecture("大阪府", "大阪市北区").CreateAsync(_app);
        await new MemberBuilder().WithTag(tag).CreateAsync(_app);
        await new MemberBuilder().CreateAsync(_app);
        await DonateAsync(generous.Id, 30_000, new DateOnly(2026, 5, 1));
        await DonateAsync(small.Id, 3_000, new DateOnly(2026, 6, 1));
        await DonateAsync(small.Id, 50_000, new DateOnly(2025, 6, 1));
        var tagId = (await TagIdAsync(tag)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var staff = (await _app.SignInAsAsync(Roles.Staff)).Http;
        Assert.Equal(3, await CountAsync(staff, ("Input.TagIds", tagId)));
        Assert.Equal(1, await CountAsync(staff, ("Input.TagIds", tagId), ("Input.Prefectures", "大阪府")));
        (string, string)[] period = [("Input.TagIds", tagId), ("Input.PaidFrom", "2026-04-01"), ("Input.PaidTo", "2027-03-31")];
        Assert.Equal(1, await CountAsync(staff, [.. period, ("Input.PaidMin", "10,000")]));
        Assert.Equal(2, await CountAsync(staff, [.. period, ("Input.PaidMax", "5000")]));
        Assert.Equal(1, await CountAsync(staff, [.. period, ("Input.PaidMin", "1000"), ("Input.PaidMax", "5000")]));

        // Bad input: a Japanese message instead of a count, and nothing saved.
        Assert.Contains("期間（開始日と終了日）を入力してください", await CountFragmentAsync(staff, ("Input.PaidMin", "1000")));
        var before = await _app.WithDbAsync(db => db.Segments.CountAsync());
        var edit = await staff.GetDocumentAsync("/FollowUp/Segments/Edit");
        var fields = HtmlForms.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)edit.QuerySelector("#segment-form")!);
        fields.RemoveAll(f => f.Key is "Input.Name" or "Input.PaidMin" or "Input.PaidFrom" or "Input.PaidTo");
        var refused = await staff.PostAsync("/FollowUp/Segments/Edit", new FormUrlEncodedContent([.. fields, new("Input.Name", "大口"), new("Input.PaidMin", "abc")]));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("金額は円単位の数字で入力してください", await refused.BodyAsync());
        Assert.Equal(before, await _app.WithDbAsync(db => db.Segments.CountAsync()));

        var saved = await staff.PostAsync("/FollowUp/Segments/Edit", new FormUrlEncodedContent([.. fields, new("Input.Name", "大口の寄附者 " + tag),
            new("Input.TagIds", tagId), new("Input.PaidFrom", "2026-04-01"), new("Input.PaidTo", "2027-03-31"), new("Input.PaidMin", "10000")]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var segment = await _app.WithDbAsync(db => db.Segments.AsNoTracking().SingleAsync(s => s.Name == "大口の寄附者 " + tag));
        var members = await staff.GetDocumentAsync($"/FollowUp/Segments/Members?id={segment.Id}");
        Assert.Equal("1名", members.QuerySelector("#member-count")!.TextContent.Trim());
        Assert.Contains(generous.Name, members.QuerySelector("#segment-members")!.TextContent);

        // The treasurer sees the list (no personal notes on it) but cannot change or export; volunteers see nothing.
        var treasurer = (await _app.SignInAsAsync(Roles.Treasurer)).Http;
        Assert.Equal(HttpStatusCode.OK, (await treasurer.GetAsync($"/FollowUp/Segments/Members?id={segment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.GetAsync($"/FollowUp/Segments/Edit?id={segment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.PostAsync($"/FollowUp/Segments/Export?id={segment.Id}", new FormUrlEncodedContent([]))).StatusCode);
        var volunteer = (await _app.SignInAsAsync(Roles.Volunteer)).Http;
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/FollowUp/Segments")).StatusCode);
    }

    [Fact]
    public async Task The_export_is_audited_with_who_which_segment_and_how_many()
    {
        _app.SkipIfUnavailable();
        var tag = UniqueTag();
        var a = await new MemberBuilder().WithTag(tag).CreateAsync(_app);
        await new MemberBuilder().WithTag(tag).CreateAsync(_app);
        var id = await SegmentAsync("書き出し " + tag, new SegmentCriteria { TagIds = [await TagIdAsync(tag)] });
        var staff = await _app.SignInAsAsync(Roles.Staff);

        var response = await staff.Http.SubmitFormAsync($"/FollowUp/Segments/Export?id={id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(a.Name, lines[1]);

        var audit = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == nameof(Segment) && e.EntityId == id.ToString() && e.Action == AuditActions.Export));
        Assert.Equal(staff.User.DisplayName, audit.UserName);
        Assert.StartsWith($"「書き出し {tag}」2件", audit.After);
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime, audit.OccurredAt);
    }

    [Fact]
    public async Task Tasks_are_made_for_everyone_in_the_segment_with_one_batch_key()
    {
        _app.SkipIfUnavailable();
        var tag = UniqueTag();
        var a = await new MemberBuilder().WithTag(tag).CreateAsync(_app);
        var b = await new MemberBuilder().WithTag(tag).CreateAsync(_app);
        await new MemberBuilder().WithTag(tag).Withdrawn().CreateAsync(_app);
        var id = await SegmentAsync("電話 " + tag, new SegmentCriteria { TagIds = [await TagIdAsync(tag)] });
        var staff = await _app.SignInAsAsync(Roles.Staff);

        var empty = await staff.Http.SubmitFormAsync($"/FollowUp/Segments/Tasks?id={id}", new Dictionary<string, string> { ["Input.Title"] = "", ["Input.DueOn"] = "" });
        Assert.Contains("件名を入力してください", await empty.BodyAsync());
        var made = await staff.Http.SubmitFormAsync($"/FollowUp/Segments/Tasks?id={id}", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Call", ["Input.Title"] = "総会のご案内", ["Input.DueOn"] = "2026-12-10", ["Input.AssignedUserId"] = staff.User.Id,
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var tasks = await _app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Where(t => t.Title == "総会のご案内" && (t.MemberId == a.Id || t.MemberId == b.Id)).ToListAsync());
        Assert.Equal(2, tasks.Count);
        Assert.Single(tasks.Select(t => t.BatchKey).Distinct());
        Assert.NotNull(tasks[0].BatchKey);
        Assert.All(tasks, t => Assert.Equal((new DateOnly(2026, 12, 10), staff.User.Id, FollowUpTaskKind.Call), (t.DueOn, t.AssignedUserId, t.Kind)));
    }

    [Fact]
    public async Task Suggestions_match_interests_and_days_off_and_warn_about_refusals()
    {
        _app.SkipIfUnavailable();
        var word = "盆栽" + Guid.NewGuid().ToString("N")[..4];
        var gardener = await new MemberBuilder().With(m => { m.Hobbies = "園芸、" + word; m.RefusesPhone = true; }).CreateAsync(_app);
        var wednesday = await new MemberBuilder().With(m => m.DaysOff = Weekdays.Wednesday | Weekdays.Sunday).CreateAsync(_app);
        var neither = await new MemberBuilder().With(m => m.Hobbies = "読書").CreateAsync(_app);
        var staff = await _app.SignInAsAsync(Roles.Staff);

        // 2026-12-02 is a Wednesday.
        var page = await staff.Http.GetDocumentAsync($"/FollowUp/Suggestions?Keywords={Uri.EscapeDataString(word)}&Date=2026-12-02");
        var rows = page.QuerySelectorAll("#suggestions tbody tr").Select(r => r.TextContent).ToList();
        var g = Assert.Single(rows, r => r.Contains(gardener.Name));
        Assert.Contains($"趣味に「{word}」", g);
        Assert.Contains("電話は控えてほしい", g);
        Assert.Contains("水曜日がお休み", Assert.Single(rows, r => r.Contains(wednesday.Name)));
        Assert.DoesNotContain(rows, r => r.Contains(neither.Name));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.SignInAsAsync(Roles.Treasurer)).Http.GetAsync("/FollowUp/Suggestions")).StatusCode);
    }

    private async Task<long> CreateMailingAsync(HttpClient staff, long segmentId, MailingChannel channel, long? listId, string title)
    {
        var response = await staff.SubmitFormAsync($"/FollowUp/Mailings/Edit?segmentId={segmentId}", new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Channel"] = channel.ToString(), ["Input.MailingListId"] = listId?.ToString() ?? "",
            ["Input.Subject"] = "{{団体名}} 会報 冬号", ["Input.Body"] = "{{氏名}} 様（会員番号 {{会員番号}}）\n冬号をお届けします。",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {await response.BodyAsync()}");
        return await _app.WithDbAsync(db => db.Mailings.Where(m => m.Title == title).Select(m => m.Id).SingleAsync());
    }

    [Fact]
    public async Task A_mailing_leaves_out_those_who_refused_and_says_why_and_every_mail_can_be_unsubscribed()
    {
        _app.SkipIfUnavailable();
        var tag = UniqueTag();
        var ok = await new MemberBuilder().WithTag(tag).Named("青木 陽子", "アオキ ヨウコ").CreateAsync(_app);
        var ok2 = await new MemberBuilder().WithTag(tag).CreateAsync(_app);
        var refuses = await new MemberBuilder().WithTag(tag).With(m => m.RefusesEmail = true).CreateAsync(_app);
        var noBulk = await new MemberBuilder().WithTag(tag).With(m => m.NoNewsletters = true).CreateAsync(_app);
        var stopped = await new MemberBuilder().WithTag(tag).CreateAsync(_app);
        await new MemberBuilder().WithTag(tag).Withdrawn().CreateAsync(_app);
        await new MemberBuilder().WithTag(tag).WithEmail(null!).CreateAsync(_app);
        await _app.WithDbAsync(async db =>
        {
            db.MailingListOptOuts.Add(new MailingListOptOut { MemberId = stopped.Id, MailingListId = 1, Source = "テスト", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var segmentId = await SegmentAsync("会報 " + tag, new SegmentCriteria { TagIds = [await TagIdAsync(tag)] });
        var staff = await _app.SignInAsAsync(Roles.Staff);
        var mailingId = await CreateMailingAsync(staff.Http, segmentId, MailingChannel.Email, 1, "会報冬号 " + tag);

        var page = await staff.Http.GetDocumentAsync($"/FollowUp/Mailings/Details?id={mailingId}");
        Assert.Equal("2", page.QuerySelector("#recipient-count")!.TextContent);
        Assert.Equal("5", page.QuerySelector("#excluded-count")!.TextContent);
        var reasons = page.QuerySelector("#excluded-reasons")!.TextContent;
        foreach (var r in new[] { "退会・逝去 1名", "メール拒否 1名", "一斉メール拒否 1名", "この会報の配信停止 1名", "メールアドレスなし 1名" })
            Assert.Contains(r, reasons);
        Assert.Contains("青木 陽子 様（会員番号 " + ok.MemberNumber + "）", page.QuerySelector("#preview-body")!.TextContent);
        Assert.Contains("/Unsubscribe?t=", page.QuerySelector("#preview-body")!.TextContent);
        var other = HtmlForms.Parse(await (await staff.Http.GetAsync($"/FollowUp/Mailings/Details?id={mailingId}&handler=Preview&memberId={ok2.Id}")).BodyAsync());
        Assert.Contains(ok2.Name, other.QuerySelector("#preview-body")!.TextContent);

        var sent = await staff.Http.SubmitFormAsync(page, $"/FollowUp/Mailings/Details?id={mailingId}", new Dictionary<string, string>(), "#send-form");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var again = await staff.Http.SubmitFormAsync(page, $"/FollowUp/Mailings/Details?id={mailingId}", new Dictionary<string, string>(), "#send-form");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        var queued = await _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Category == "newsletter" && m.RelatedId == mailingId).ToListAsync());
        Assert.Equal([ok.Id, ok2.Id], queued.Select(m => m.MemberId!.Value).Order().ToArray());
        Assert.All(queued, m => Assert.Contains("/Unsubscribe/OneClick?t=", m.ListUnsubscribeUrl));
        var mailing = await _app.WithDbAsync(db => db.Mailings.AsNoTracking().SingleAsync(m => m.Id == mailingId));
        Assert.Equal((MailingStatus.Queued, 2, 5), (mailing.Status, mailing.RecipientCount, mailing.ExcludedCount));
        Assert.Contains("メール拒否 1名", mailing.ExcludedSummary);
        var audit = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == nameof(Mailing) && e.EntityId == mailingId.ToString() && e.Action == "送付"));
        Assert.Contains("送付2名 対象外5名", audit.After);
        Assert.Contains($"セグメント「会報 {tag}」", audit.After);
        Assert.Equal(staff.User.DisplayName, audit.UserName);

        // Someone who stops bulk mail after the mailing was queued is not sent it; the mail on the wire carries the RFC 8058 headers.
        await _app.WithDbAsync(db => db.Members.Where(m => m.Id == ok2.Id).ExecuteUpdateAsync(x => x.SetProperty(m => m.NoNewsletters, true)));
        await _app.ProcessOutboxAsync();
        Assert.Empty(_smtp.To(ok2.Email!));
        var withheld = await _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.RelatedId == mailingId && m.MemberId == ok2.Id && m.Category == "newsletter"));
        Assert.Equal(OutboxStatus.Failed, withheld.Status);
        Assert.Contains("配信停止", withheld.LastError);
        var wire = Assert.Single(_smtp.To(ok.Email!));
        Assert.StartsWith("<https://localhost/Unsubscribe/OneClick?t=", wire.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", wire.Headers["List-Unsubscribe-Post"]);

        var link = queued.Single(m => m.MemberId == ok.Id).Body.Split('\n').Single(l => l.StartsWith("https://localhost/Unsubscribe?t=", StringComparison.Ordinal)).Trim();
        var path = link["https://localhost".Length..];
        var visitor = _app.CreateAnonymousClient();

        // A scanner fetching the links changes nothing.
        var shown = await visitor.GetDocumentAsync(path);
        Assert.NotNull(shown.QuerySelector("#stop-list"));
        Assert.NotNull(shown.QuerySelector("#no-bulk-mail"));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync(path.Replace("/Unsubscribe?", "/Unsubscribe/OneClick?"))).StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.MailingListOptOuts.AnyAsync(o => o.MemberId == ok.Id)));

        // "Stop this newsletter" records an opt-out of that list only; "no bulk mail" is the other choice.
        var stop = await visitor.SubmitFormAsync(shown, path, new Dictionary<string, string>(), "#stop-list-form");
        Assert.Contains("配信を停止しました", await stop.BodyAsync());
        Assert.True(await _app.WithDbAsync(db => db.MailingListOptOuts.AnyAsync(o => o.MemberId == ok.Id && o.MailingListId == 1)));
        Assert.False((await _app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == ok.Id))).NoNewsletters);
        var bulk = await visitor.SubmitFormAsync(await visitor.GetDocumentAsync(path), path, new Dictionary<string, string>(), "#no-bulk-form");
        Assert.Contains("すべて停止しました", await bulk.BodyAsync());
        Assert.True((await _app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == ok.Id))).NoNewsletters);

        // Tampered and expired links get a clear page and change nothing.
        var token = path["/Unsubscribe?t=".Length..];
        var i = token.Length / 2;
        var tampered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
        var bad = await visitor.GetAsync("/Unsubscribe?t=" + tampered);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("このリンクは正しくありません", await bad.BodyAsync());
        var expiredToken = await _app.WithServicesAsync(sp => Task.FromResult(new UnsubscribeToken(sp.GetRequiredService<IDataProtectionProvider>())
            .Create(new UnsubscribeClaim(ok2.Id, 1, mailingId, new DateOnly(2026, 11, 22)))));
        var expired = await visitor.GetAsync("/Unsubscribe?t=" + expiredToken);
        Assert.Contains("有効期限が切れています", await expired.BodyAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.PostAsync("/Unsubscribe/OneClick?t=" + expiredToken,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.MailingListOptOuts.AnyAsync(o => o.MemberId == ok2.Id)));

        // The mail program's one-click POST (no cookie, no antiforgery token) stops the list.
        var oneClick = queued.Single(m => m.MemberId == ok2.Id).ListUnsubscribeUrl!["https://localhost".Length..];
        var clicked = await visitor.PostAsync(oneClick, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.MailingListOptOuts.AnyAsync(o => o.MemberId == ok2.Id && o.MailingListId == 1)));
    }

    [Fact]
    public async Task Address_labels_are_printed_in_postal_code_order_without_those_who_refuse_post()
    {
        _app.SkipIfUnavailable();
        var tag = UniqueTag();
        var third = await new MemberBuilder().WithTag(tag).With(m => m.PostalCode = "300-0001").Named("青木 三郎", "アオキ サブロウ").CreateAsync(_app);
        var first = await new MemberBuilder().WithTag(tag).With(m => m.PostalCode = "100-0001").Named("青木 一郎", "アオキ イチロウ").CreateAsync(_app);
        var second = await new MemberBuilder().WithTag(tag).With(m => m.PostalCode = "200-0001").Named("青木 二郎", "アオキ ジロウ").CreateAsync(_app);
        var refuses = await new MemberBuilder().WithTag(tag).With(m => { m.PostalCode = "150-0001"; m.RefusesPost = true; }).CreateAsync(_app);
        var segmentId = await SegmentAsync("年賀状 " + tag, new SegmentCriteria { TagIds = [await TagIdAsync(tag)] });
        var staff = await _app.SignInAsAsync(Roles.Staff);
        var mailingId = await CreateMailingAsync(staff.Http, segmentId, MailingChannel.Labels, null, "年賀状 " + tag);

        var page = await staff.Http.GetDocumentAsync($"/FollowUp/Mailings/Details?id={mailingId}");
        Assert.Equal("3", page.QuerySelector("#recipient-count")!.TextContent);
        Assert.Contains("郵送拒否 1名", page.QuerySelector("#excluded-reasons")!.TextContent);
        var queued = await staff.Http.SubmitFormAsync(page, $"/FollowUp/Mailings/Details?id={mailingId}", new Dictionary<string, string> { ["sheet"] = "a4-12" },
            "#print-form");
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var jobId = await _app.WithDbAsync(db => db.Mailings.Where(m => m.Id == mailingId).Select(m => m.DocumentJobId!.Value).SingleAsync());
        DocumentJob job = null!;
        for (var n = 0; n < 120; n++)
        {
            job = await _app.WithDbAsync(db => db.DocumentJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));
            if (job.Status is DocumentJobStatus.Done or DocumentJobStatus.Failed) break;
            await Task.Delay(250);
        }
        Assert.True(job.Status == DocumentJobStatus.Done, $"job {job.Status}: {job.Error}");
        var file = await staff.Http.GetAsync($"/Dues/Documents/Download/{jobId}");
        var bytes = await file.Content.ReadAsByteArrayAsync();
        File.WriteAllBytes(Path.Combine(_app.DataFolder, "labels.pdf"), bytes);
        var text = Assert.Single(SamplePrints.PageTexts(bytes));
        // Found by member number: PdfPig reads some kanji (青) as radicals that no normalisation maps back.
        var at = new[] { first, second, third }.Select(m => text.IndexOf($"No.{m.MemberNumber}〒", StringComparison.Ordinal) is var i and >= 0 ? i
            : text.EndsWith($"No.{m.MemberNumber}", StringComparison.Ordinal) ? text.Length : -1).ToList();
        Assert.True(at.All(i => i >= 0), text);
        Assert.True(at[0] < at[1] && at[1] < at[2], "not in postal-code order: " + text);
        Assert.Contains("〒100-0001", text);
        Assert.DoesNotContain($"No.{refuses.MemberNumber}", text);
        Assert.Contains("一郎 様", text);
        var mailing = await _app.WithDbAsync(db => db.Mailings.AsNoTracking().SingleAsync(m => m.Id == mailingId));
        Assert.Equal((MailingStatus.Done, 3, 1), (mailing.Status, mailing.RecipientCount, mailing.ExcludedCount));
    }
}

public class SegmentMailingSqliteTests(OutboxSqliteSite app, SmtpTestServer smtp)
    : SegmentMailingTests(app, smtp), IClassFixture<OutboxSqliteSite>, IClassFixture<SmtpTestServer>;

public class SegmentMailingPostgresTests(OutboxPostgresSite app, SmtpTestServer smtp)
    : SegmentMailingTests(app, smtp), IClassFixture<OutboxPostgresSite>, IClassFixture<SmtpTestServer>;
