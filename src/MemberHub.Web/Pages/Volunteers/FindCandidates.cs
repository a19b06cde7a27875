using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Volunteers;

/// <summary>
/// Reads what <see cref="CandidateRanker"/> needs for one request in a handful of queries (volunteers with a
/// needed area, their away periods around the date, their bookings on that day, their last twelve months),
/// then ranks in memory. People already asked for this request are not candidates again.
/// </summary>
public sealed class FindCandidatesQuery(MemberHubDbContext db, TimeProvider clock)
{
    /// <summary>How long each step of the last run took (ms), for the benchmark's breakdown.</summary>
    public List<(string Step, double Ms)> Timings { get; } = [];

    private long _mark;

    private void Step(string name)
    {
        Timings.Add((name, System.Diagnostics.Stopwatch.GetElapsedTime(_mark).TotalMilliseconds));
        _mark = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    public async Task<IReadOnlyList<RankedCandidate>?> RunAsync(long requestId)
    {
        var request = await db.VolunteerRequests.AsNoTracking().Include(r => r.Areas).FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null) return null;
        return await RankAsync(request);
    }

    public async Task<IReadOnlyList<RankedCandidate>> RankAsync(VolunteerRequest request)
    {
        Timings.Clear();
        _mark = System.Diagnostics.Stopwatch.GetTimestamp();
        var today = JapanTime.Today(clock);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var yearAgo = today.AddYears(-1);
        var areaIds = request.Areas.Select(a => a.AreaId).ToList();
        var occasion = request.Occasion;

        // One pass over the skills of the needed areas gives both who qualifies and which of the areas they hold.
        var activeProfiles = db.VolunteerProfiles.Where(p => p.IsActive)
            .Join(db.Members.Where(m => !m.IsArchived && m.Status == MemberStatus.Active), p => p.MemberId, m => m.Id,
                (p, m) => new { p.MemberId, m.Name, p.Availability, p.MaxRequestsPerMonth });
        var already = db.VolunteerAssignments.Where(a => a.RequestId == request.Id).Select(a => a.MemberId);
        var rows = areaIds.Count == 0
            ? (await activeProfiles.Where(x => !already.Contains(x.MemberId)).AsNoTracking().ToListAsync())
                .Select(x => (x.MemberId, x.Name, x.Availability, x.MaxRequestsPerMonth, AreaId: 0L)).ToList()
            : (await db.VolunteerSkills.Where(sk => areaIds.Contains(sk.AreaId))
                .Join(activeProfiles, sk => sk.MemberId, x => x.MemberId, (sk, x) => new { x.MemberId, x.Name, x.Availability, x.MaxRequestsPerMonth, sk.AreaId })
                .Where(x => !already.Contains(x.MemberId))
                .AsNoTracking().ToListAsync())
                .Select(x => (x.MemberId, x.Name, x.Availability, x.MaxRequestsPerMonth, x.AreaId)).ToList();
        Step("volunteers");
        if (rows.Count == 0) return [];
        var people = rows.GroupBy(r => r.MemberId).Select(g => g.First()).ToList();
        var skillsOf = rows.Where(r => r.AreaId != 0).ToLookup(r => r.MemberId, r => r.AreaId);
        var ids = people.Select(p => p.MemberId).ToHashSet();

        var absences = await db.VolunteerAbsences.AsNoTracking()
            .Where(a => a.To >= occasion.From && a.From <= occasion.To)
            .Select(a => new { a.MemberId, a.From, a.To })
            .ToListAsync();
        Step("absences");
        var absencesOf = absences.ToLookup(a => a.MemberId, a => (a.From, a.To));

        var bookings = occasion.IsFlexible ? [] : await db.VolunteerAssignments.AsNoTracking()
            .Where(a => a.Status == AssignmentStatus.Accepted && a.Request!.Date == occasion.From && a.RequestId != request.Id
                        && a.Request.Status != VolunteerRequestStatus.Cancelled)
            .Select(a => new { a.MemberId, a.RequestId, a.Request!.Date, a.Request.StartTime, a.Request.EndTime })
            .ToListAsync();
        Step("bookings");
        var bookingsOf = bookings.ToLookup(b => b.MemberId, b => new Booking(b.RequestId, Occasion.Fixed(b.Date!.Value, b.StartTime, b.EndTime)));

        // A year of assignments as narrow rows, folded here: cheaper than a grouped query with several aggregates.
        var assignments = db.VolunteerAssignments.AsNoTracking().Where(a => a.InvitedOn >= yearAgo);
        if (areaIds.Count > 0)
            assignments = assignments.Where(a => db.VolunteerSkills.Any(sk => sk.MemberId == a.MemberId && areaIds.Contains(sk.AreaId)));
        var year = await assignments
            .Select(a => new { a.MemberId, a.InvitedOn, a.Attended, a.ServedOn })
            .ToListAsync();
        Step("history");
        var historyOf = new Dictionary<long, (int Asked, int Served, int ThisMonth, DateOnly? LastAsked, DateOnly? LastServed)>();
        foreach (var a in year)
        {
            if (!ids.Contains(a.MemberId)) continue;
            var h = historyOf.GetValueOrDefault(a.MemberId);
            h.Asked++;
            if (a.Attended == true) h.Served++;
            if (a.InvitedOn >= monthStart) h.ThisMonth++;
            if (h.LastAsked is null || a.InvitedOn > h.LastAsked) h.LastAsked = a.InvitedOn;
            if (a.ServedOn is { } served && (h.LastServed is null || served > h.LastServed)) h.LastServed = served;
            historyOf[a.MemberId] = h;
        }

        var facts = people.Select(p =>
        {
            var h = historyOf.GetValueOrDefault(p.MemberId);
            return new CandidateFacts(
                p.MemberId, p.Name, skillsOf[p.MemberId].ToList(), p.Availability, p.MaxRequestsPerMonth,
                absencesOf[p.MemberId].ToList(), bookingsOf[p.MemberId].ToList(),
                h.ThisMonth, h.Asked, h.Served, h.LastAsked, h.LastServed);
        });
        var ranked = CandidateRanker.Rank(new RankingRequest(request.Id, occasion, areaIds), facts);
        Step("rank");
        return ranked;
    }
}
