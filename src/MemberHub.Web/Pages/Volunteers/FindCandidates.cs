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

        var volunteers = db.VolunteerProfiles.AsNoTracking()
            .Where(p => p.IsActive)
            .Join(db.Members.Where(m => !m.IsArchived && m.Status == MemberStatus.Active), p => p.MemberId, m => m.Id, (p, m) => new { p, m });
        if (areaIds.Count > 0)
            volunteers = volunteers.Where(x => db.VolunteerSkills.Any(s => s.MemberId == x.p.MemberId && areaIds.Contains(s.AreaId)));
        var already = db.VolunteerAssignments.Where(a => a.RequestId == request.Id).Select(a => a.MemberId);
        volunteers = volunteers.Where(x => !already.Contains(x.p.MemberId));

        var people = await volunteers
            .Select(x => new { x.p.MemberId, x.m.Name, x.p.Availability, x.p.MaxRequestsPerMonth })
            .ToListAsync();
        Step("volunteers");
        if (people.Count == 0) return [];
        var ids = people.Select(p => p.MemberId).ToHashSet();

        var skills = await db.VolunteerSkills.AsNoTracking()
            .Where(s => areaIds.Contains(s.AreaId))
            .Select(s => new { s.MemberId, s.AreaId })
            .ToListAsync();
        Step("skills");
        var skillsOf = skills.Where(s => ids.Contains(s.MemberId)).ToLookup(s => s.MemberId, s => s.AreaId);

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

        var history = await db.VolunteerAssignments.AsNoTracking()
            .Where(a => a.InvitedOn >= yearAgo)
            .GroupBy(a => a.MemberId)
            .Select(g => new
            {
                MemberId = g.Key,
                Asked = g.Count(),
                Served = g.Count(a => a.Attended == true),
                ThisMonth = g.Count(a => a.InvitedOn >= monthStart),
                LastAsked = g.Max(a => (DateOnly?)a.InvitedOn),
                LastServed = g.Max(a => a.ServedOn),
            })
            .ToListAsync();
        Step("history");
        var historyOf = history.ToDictionary(h => h.MemberId);

        var facts = people.Select(p =>
        {
            var h = historyOf.GetValueOrDefault(p.MemberId);
            return new CandidateFacts(
                p.MemberId, p.Name, skillsOf[p.MemberId].ToList(), p.Availability, p.MaxRequestsPerMonth,
                absencesOf[p.MemberId].ToList(), bookingsOf[p.MemberId].ToList(),
                h?.ThisMonth ?? 0, h?.Asked ?? 0, h?.Served ?? 0, h?.LastAsked, h?.LastServed);
        });
        var ranked = CandidateRanker.Rank(new RankingRequest(request.Id, occasion, areaIds), facts);
        Step("rank");
        return ranked;
    }
}
