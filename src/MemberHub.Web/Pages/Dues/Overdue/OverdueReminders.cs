using System.Globalization;
using MemberHub.Auditing;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Documents;
using MemberHub.Members;
using MemberHub.Messaging;
using MemberHub.Web.Outbox;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Dues.Overdue;

/// <summary>The overdue list's query string (year, classId, minDays).</summary>
public sealed class OverdueFilter
{
    public int? Year { get; set; }
    public long? ClassId { get; set; }
    public int? MinDays { get; set; }

    public string QueryString() => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", new Dictionary<string, string?>
    {
        ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["classId"] = ClassId?.ToString(CultureInfo.InvariantCulture),
        ["minDays"] = MinDays?.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null));
}

public sealed record OverdueRow(
    long InvoiceId, string InvoiceNumber, long MemberId, int MemberNumber, string MemberName, string ClassName, int FiscalYear,
    Yen Balance, DateOnly DueOn, int DaysOverdue, int ReminderCount, DateOnly? LastReminderOn,
    string? Email, bool RefusesEmail, bool RefusesPost)
{
    public bool CanEmail => !RefusesEmail && !string.IsNullOrWhiteSpace(Email);
}

public sealed record LetterJobRow(long Id, string Title, DocumentJobStatus Status, int Done, int Total, DateTime CreatedAt, string? Error);

public sealed record OverdueList(
    IReadOnlyList<OverdueRow> Rows, int Total, Yen TotalBalance, IReadOnlyList<int> Years,
    IReadOnlyList<(long Id, string Name)> Classes, IReadOnlyList<LetterJobRow> LetterJobs);

/// <summary>
/// 未納一覧: open invoices past their due date, with how often and when the member was reminded and how a
/// reminder can reach them. Counted and summed in the database; at most <see cref="MaxRows"/> rows are shown.
/// </summary>
public sealed class OverdueQuery(MemberHubDbContext db, TimeProvider clock)
{
    public const int MaxRows = 500;

    /// <summary>
    /// Count and sum of the whole filtered list (not only the rows shown), in one aggregate query. Written in SQL
    /// because LINQ cannot sum Yen columns (a value converter hides the integer from the translator); the
    /// quoted names work on SQLite and PostgreSQL alike.
    /// </summary>
    private async Task<OverdueTotals> TotalsAsync(DateOnly today, OverdueFilter filter, CancellationToken ct)
    {
        var sql = new System.Text.StringBuilder("""
            SELECT COUNT(*) AS "Count", CAST(COALESCE(SUM("Total" - "PaidAmount"), 0) AS BIGINT) AS "Balance"
            FROM "Invoices" WHERE "Status" IN (0, 1) AND "DueOn" < {0}
            """);
        var args = new List<object> { today };
        if (filter.Year is { } year) { sql.Append(" AND \"FiscalYear\" = {").Append(args.Count).Append('}'); args.Add(year); }
        if (filter.ClassId is { } classId) { sql.Append(" AND \"MemberClassId\" = {").Append(args.Count).Append('}'); args.Add(classId); }
        if (filter.MinDays is { } minDays and > 0) { sql.Append(" AND \"DueOn\" <= {").Append(args.Count).Append('}'); args.Add(today.AddDays(-minDays)); }
        return (await db.Database.SqlQuery<OverdueTotals>(System.Runtime.CompilerServices.FormattableStringFactory.Create(sql.ToString(), [.. args]))
            .ToListAsync(ct)).Single();
    }

    public async Task<OverdueList> RunAsync(OverdueFilter filter, CancellationToken ct = default)
    {
        var today = JapanTime.Today(clock);
        var overdue = db.Invoices.AsNoTracking()
            .Where(i => (i.Status == InvoiceStatus.Unpaid || i.Status == InvoiceStatus.PartlyPaid) && i.DueOn < today);
        var years = await overdue.Select(i => i.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        if (filter.Year is { } year) overdue = overdue.Where(i => i.FiscalYear == year);
        if (filter.ClassId is { } classId) overdue = overdue.Where(i => i.MemberClassId == classId);
        if (filter.MinDays is { } minDays and > 0)
        {
            var dueBefore = today.AddDays(-minDays);
            overdue = overdue.Where(i => i.DueOn <= dueBefore);
        }

        var totals = await TotalsAsync(today, filter, ct);
        var rows = await overdue
            .Join(db.Members, i => i.MemberId, m => m.Id, (i, m) => new { i, m })
            .OrderBy(x => x.i.DueOn).ThenBy(x => x.m.MemberNumber).ThenBy(x => x.i.Id)
            .Take(MaxRows)
            .Select(x => new
            {
                x.i.Id, x.i.InvoiceNumber, x.i.MemberId, x.m.MemberNumber, x.m.Name, x.i.FiscalYear, x.i.Total, x.i.PaidAmount, x.i.DueOn,
                ClassName = db.MemberClasses.Where(c => c.Id == x.i.MemberClassId).Select(c => c.Name).FirstOrDefault(),
                Reminders = db.DuesReminders.Count(r => r.InvoiceId == x.i.Id),
                LastReminder = db.DuesReminders.Where(r => r.InvoiceId == x.i.Id).Max(r => (DateOnly?)r.SentOn),
                x.m.Email, x.m.RefusesEmail, x.m.RefusesPost,
            })
            .ToListAsync(ct);
        var classes = await db.MemberClasses.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var jobs = await db.DocumentJobs.AsNoTracking().Where(j => j.Kind == SendRemindersHandler.LetterJobKind)
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(5)
            .Select(j => new LetterJobRow(j.Id, j.Title, j.Status, j.Done, j.Total, j.CreatedAt, j.Error))
            .ToListAsync(ct);

        return new OverdueList(
            rows.Select(r => new OverdueRow(r.Id, r.InvoiceNumber, r.MemberId, r.MemberNumber, r.Name, r.ClassName ?? "", r.FiscalYear,
                r.Total - r.PaidAmount, r.DueOn, today.DayNumber - r.DueOn.DayNumber, r.Reminders, r.LastReminder,
                r.Email, r.RefusesEmail, r.RefusesPost)).ToList(),
            (int)totals.Count, new Yen(totals.Balance), years,
            classes.Select(c => (c.Id, c.Name)).ToList(), jobs);
    }
}

/// <summary>A row of the SQL total below (EF cannot sum a value-converted Yen through LINQ).</summary>
public sealed class OverdueTotals
{
    public long Count { get; set; }
    public long Balance { get; set; }
}

public sealed record ReminderOutcome(int Emailed, int Lettered, IReadOnlyList<string> LeftOut, long? LetterJobId, string? Error)
{
    public static ReminderOutcome Refused(string error) => new(0, 0, [], null, error);
}

/// <summary>
/// 督促: for each chosen invoice, an e-mail (an outbox row from the reminder-email template, the reminder
/// letter attached as PDF at send time) or a printed letter (one background PDF job for the batch), and a
/// DuesReminder with the next sequence number. Members who refuse e-mail or have no address never get an
/// e-mail: they go into the letter batch, or are listed as left out. Everything in one transaction: either
/// all reminders are recorded and queued, or none.
/// </summary>
public sealed class SendRemindersHandler(MemberHubDbContext db, DuesMergeFieldsQuery mergeFields, OutboxQueue outbox, IAuditActor actor, TimeProvider clock)
{
    public const string LetterJobKind = "reminder-letters";

    public async Task<ReminderOutcome> HandleAsync(IReadOnlyCollection<long> invoiceIds, DeliveryChannel channel, bool lettersForNoEmail,
        CancellationToken ct = default)
    {
        if (invoiceIds.Count == 0) return ReminderOutcome.Refused("督促する請求書を選んでください。");
        var today = JapanTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;

        var invoices = new List<Target>();
        foreach (var chunk in invoiceIds.Distinct().Chunk(500))
        {
            invoices.AddRange(await db.Invoices.AsNoTracking()
                .Where(i => chunk.Contains(i.Id) && (i.Status == InvoiceStatus.Unpaid || i.Status == InvoiceStatus.PartlyPaid) && i.DueOn < today)
                // One reminder per invoice per day: a double click or a resubmitted form sends nothing twice.
                .Where(i => !db.DuesReminders.Any(r => r.InvoiceId == i.Id && r.SentOn == today))
                .Join(db.Members, i => i.MemberId, m => m.Id, (i, m) => new Target(
                    i.Id, i.InvoiceNumber, i.FiscalYear, i.MemberId, m.Name, m.Email, m.RefusesEmail,
                    i.RecipientName, i.RecipientContactName,
                    db.DuesReminders.Count(r => r.InvoiceId == i.Id)))
                .ToListAsync(ct));
        }
        if (invoices.Count == 0) return ReminderOutcome.Refused("選んだ請求書はいずれも督促の対象ではありません（入金済・期限前・本日督促済みなど）。");
        invoices = invoices.OrderBy(i => i.FiscalYear).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal).ToList();

        var byEmail = channel == DeliveryChannel.Email ? invoices.Where(i => i.CanEmail).ToList() : [];
        var noEmail = channel == DeliveryChannel.Email ? invoices.Where(i => !i.CanEmail).ToList() : [];
        var byPost = channel == DeliveryChannel.Post ? invoices : lettersForNoEmail ? noEmail : [];
        var leftOut = channel == DeliveryChannel.Email && !lettersForNoEmail
            ? noEmail.Select(i => $"{i.MemberName}（{(i.RefusesEmail ? "メール拒否" : "メールアドレスなし")}）").ToList()
            : [];
        if (byEmail.Count == 0 && byPost.Count == 0)
            return new ReminderOutcome(0, 0, leftOut, null, "メールで送れる会員がいません（メール拒否またはアドレスなし）。郵送の督促状をお選びください。");

        var template = byEmail.Count > 0
            ? await db.MessageTemplates.AsNoTracking().SingleAsync(t => t.Key == TemplateKeys.ReminderEmail, ct)
            : null;
        var fields = byEmail.Count > 0 ? await mergeFields.ForInvoicesAsync(byEmail.Select(i => i.Id).ToList(), ct) : null;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var links = new List<(DuesReminder Reminder, OutboxMessage Message)>();
            foreach (var i in byEmail)
            {
                var values = fields![i.Id];
                var sequence = i.PreviousReminders + 1;
                var message = outbox.Add(new OutgoingMail(
                    Category: "reminder",
                    MemberId: i.MemberId,
                    RelatedId: i.Id,
                    ToAddress: i.Email!,
                    ToName: string.IsNullOrEmpty(i.RecipientContactName) ? i.RecipientName : $"{i.RecipientName} {i.RecipientContactName}",
                    Subject: TemplateText.Render(template!.Subject, values),
                    Body: TemplateText.Render(template.Body, values),
                    ContactSummary: $"{i.FiscalYear}年度会費の督促（第{sequence}回）をメールで送付",
                    AttachmentKind: OutboxAttachmentKind.ReminderPdf,
                    AttachmentRefId: i.Id,
                    AttachmentFileName: $"督促状_{i.InvoiceNumber}.pdf"));
                var reminder = NewReminder(i, DeliveryChannel.Email, today, now);
                db.DuesReminders.Add(reminder);
                links.Add((reminder, message));
            }
            long? jobId = null;
            if (byPost.Count > 0)
            {
                foreach (var i in byPost)
                {
                    var reminder = NewReminder(i, DeliveryChannel.Post, today, now);
                    db.DuesReminders.Add(reminder);
                    db.ContactRecords.Add(new ContactRecord
                    {
                        MemberId = i.MemberId,
                        OccurredOn = today,
                        Channel = ContactChannel.Post,
                        StaffUserId = actor.UserId,
                        StaffName = actor.UserName,
                        Summary = $"{i.FiscalYear}年度会費の督促（第{reminder.Sequence}回）を郵送で送付",
                        CreatedAt = now,
                    });
                }
                var job = new DocumentJob
                {
                    Kind = LetterJobKind,
                    Parameters = string.Join(',', byPost.Select(i => i.Id.ToString(CultureInfo.InvariantCulture))),
                    Title = $"督促状 {JapaneseFormat.ShortDate(today)}（{byPost.Count}件）",
                    Status = DocumentJobStatus.Queued,
                    Total = byPost.Count,
                    CreatedAt = now,
                    CreatedByUserId = actor.UserId,
                    CreatedByName = actor.UserName,
                    DownloadFileName = $"督促状_{today:yyyyMMdd}.pdf",
                };
                db.DocumentJobs.Add(job);
                await db.SaveChangesAsync(ct);
                jobId = job.Id;
            }
            await db.SaveChangesAsync(ct);
            foreach (var (reminder, message) in links) reminder.OutboxMessageId = message.Id;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            if (links.Count > 0) outbox.NotifySender();
            return new ReminderOutcome(byEmail.Count, byPost.Count, leftOut, jobId, null);
        }
        catch (DbUpdateException)
        {
            // The unique (InvoiceId, Sequence) index: someone recorded a reminder for one of these invoices meanwhile.
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return ReminderOutcome.Refused("同じ請求書の督促を他の方が同時に記録しました。一覧を確認してから、もう一度お試しください。");
        }
    }

    private DuesReminder NewReminder(Target i, DeliveryChannel channel, DateOnly today, DateTime now) => new()
    {
        InvoiceId = i.Id,
        MemberId = i.MemberId,
        SentOn = today,
        Channel = channel,
        Sequence = i.PreviousReminders + 1,
        CreatedAt = now,
        CreatedByName = actor.UserName,
    };

    private sealed record Target(long Id, string InvoiceNumber, int FiscalYear, long MemberId, string MemberName, string? Email, bool RefusesEmail,
        string RecipientName, string? RecipientContactName, int PreviousReminders)
    {
        public bool CanEmail => !RefusesEmail && !string.IsNullOrWhiteSpace(Email);
    }
}
