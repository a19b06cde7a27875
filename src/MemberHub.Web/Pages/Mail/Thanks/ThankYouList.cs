using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Thanks;
using MemberHub.Web.Documents;
using MemberHub.Web.Pages.Dues.Documents;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Mail.Thanks;

/// <summary>Which pending notes the page shows and an action applies to.</summary>
public sealed class ThanksFilter
{
    public ThankYouChannel Channel { get; set; } = ThankYouChannel.Email;
    public ThankYouKind? Kind { get; set; }
    public int? Year { get; set; }
}

public sealed record ThanksRow(long Id, long MemberId, int MemberNumber, string Name, ThankYouKind Kind, Yen Amount, DateOnly? ReceivedOn,
    int? FiscalYear, string? PostalCode, bool HasAddress, bool HasEmail, DateTime CreatedAt);

public sealed record ThanksPage(ThanksFilter Filter, int EmailCount, int LetterCount, int QueuedCount, IReadOnlyList<ThanksRow> Rows, int Total,
    IReadOnlyList<int> Years, DocumentJobView? LettersJob, int LettersJobUnrecorded);

/// <summary>礼状: the notes waiting for staff, by channel, filtered by kind and fiscal year.</summary>
public sealed class ThankYouListQuery(MemberHubDbContext db, DocumentJobQuery jobs)
{
    /// <summary>The page lists this many; 「すべて選択」 acts on every note of the filter, however many.</summary>
    public const int PageSize = 500;

    public IQueryable<MemberHub.Thanks.ThankYouNote> Pending(ThanksFilter f)
    {
        var q = db.ThankYouNotes.AsNoTracking().Where(n => n.Status == ThankYouStatus.Pending && n.Channel == f.Channel);
        if (f.Kind is { } kind) q = q.Where(n => n.Kind == kind);
        if (f.Year is { } year) q = q.Where(n => n.FiscalYear == year);
        return q;
    }

    public async Task<ThanksPage> LoadAsync(ThanksFilter filter, CancellationToken ct = default)
    {
        var counts = await db.ThankYouNotes.AsNoTracking().Where(n => n.Status == ThankYouStatus.Pending || n.Status == ThankYouStatus.Queued)
            .GroupBy(n => new { n.Status, n.Channel }).Select(g => new { g.Key.Status, g.Key.Channel, Count = g.Count() }).ToListAsync(ct);
        int Count(ThankYouStatus s, ThankYouChannel? c) => counts.Where(x => x.Status == s && (c is null || x.Channel == c)).Sum(x => x.Count);
        var query = Pending(filter);
        var total = await query.CountAsync(ct);
        var rows = await query
            .Join(db.Members, n => n.MemberId, m => m.Id, (n, m) => new { n, m })
            .OrderBy(x => x.n.CreatedAt).ThenBy(x => x.n.Id)
            .Take(PageSize)
            .Select(x => new ThanksRow(x.n.Id, x.m.Id, x.m.MemberNumber, x.m.Name, x.n.Kind, x.n.Amount, x.n.ReceivedOn, x.n.FiscalYear,
                x.m.PostalCode, x.m.City != null && x.m.City != "", x.m.Email != null && x.m.Email != "", x.n.CreatedAt))
            .ToListAsync(ct);
        var years = await db.ThankYouNotes.AsNoTracking().Where(n => n.Status == ThankYouStatus.Pending && n.FiscalYear != null)
            .Select(n => n.FiscalYear!.Value).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var job = await LatestLettersJobAsync(ct);
        var unrecorded = 0;
        if (job is not null)
        {
            var ids = DocumentJobKinds.ParseIds(await db.DocumentJobs.AsNoTracking().Where(j => j.Id == job.Id).Select(j => j.Parameters).SingleAsync(ct));
            foreach (var chunk in ids.Chunk(PageSize))
                unrecorded += await db.ThankYouNotes.AsNoTracking().CountAsync(n => chunk.Contains(n.Id) && n.Status == ThankYouStatus.Pending, ct);
        }
        return new ThanksPage(filter, Count(ThankYouStatus.Pending, ThankYouChannel.Email), Count(ThankYouStatus.Pending, ThankYouChannel.Letter),
            Count(ThankYouStatus.Queued, null), rows, total, years, job, unrecorded);
    }

    /// <summary>The latest batch of printed letters (one organisation prints one batch at a time).</summary>
    public async Task<DocumentJobView?> LatestLettersJobAsync(CancellationToken ct = default)
    {
        var id = await db.DocumentJobs.AsNoTracking().Where(j => j.Kind == ThankYouLettersProducer.JobKind)
            .OrderByDescending(j => j.Id).Select(j => (long?)j.Id).FirstOrDefaultAsync(ct);
        return id is { } jobId ? await jobs.GetAsync(jobId, ct) : null;
    }
}

/// <summary>A member's thank-you history for their page: what was sent, or will be, or was decided against.</summary>
public sealed record ThanksHistoryRow(long Id, ThankYouKind Kind, Yen Amount, ThankYouChannel Channel, ThankYouStatus Status, int? FiscalYear,
    DateOnly? ReceivedOn, DateTime CreatedAt, DateTime? SentAt, string? Note);

public sealed class ThanksHistoryQuery(MemberHubDbContext db)
{
    public Task<List<ThanksHistoryRow>> ForMemberAsync(long memberId, CancellationToken ct = default) =>
        db.ThankYouNotes.AsNoTracking().Where(n => n.MemberId == memberId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(50)
            .Select(n => new ThanksHistoryRow(n.Id, n.Kind, n.Amount, n.Channel, n.Status, n.FiscalYear, n.ReceivedOn, n.CreatedAt, n.SentAt, n.Note))
            .ToListAsync(ct);
}
