using System.Diagnostics;
using System.Globalization;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Demo;
using MemberHub.Members;
using MemberHub.Volunteers;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.Setup;
using MemberHub.Web.Pages.Volunteers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Benchmarks.Volunteers;

/// <summary>
/// Seeds 20,000 members of whom 5,000 volunteer, with a year of requests and assignments, then times what the request
/// page does to propose candidates: read the facts from the database and rank them (FindCandidatesQuery), each run in a
/// fresh scope with a fresh DbContext, as one page request would.
/// Usage: dotnet run -c Release --project tests/MemberHub.Benchmarks.Volunteers -- [--members N] [--volunteers N]
///        [--requests-per-year N] [--runs N] [--postgres "cs"] [--data DIR]
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int members = 20_000, volunteers = 5_000, requestsPerYear = 1_500, runs = 50;
        string? postgres = null, data = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            switch (args[i])
            {
                case "--members": members = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--volunteers": volunteers = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--requests-per-year": requestsPerYear = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = Next(); break;
                case "--data": data = Next(); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 1;
            }
        }
        data ??= Path.Combine(Path.GetTempPath(), "memberhub-vbench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        Console.WriteLine($"Volunteer ranking benchmark: {members:N0} members, {volunteers:N0} volunteers, {requestsPerYear:N0} requests in the past year, "
                          + (postgres is null ? $"SQLite in {data}" : "PostgreSQL"));
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        await using var site = new BenchmarkSite(data, postgres);
        var services = site.Services;
        var seed = Stopwatch.StartNew();
        var (requestId, assignments) = await SeedAsync(services, members, volunteers, requestsPerYear);
        Console.WriteLine($"Seeded in {seed.Elapsed.TotalSeconds:F1} s: {assignments:N0} assignments; ranking request #{requestId}");

        // Warm-up: the first query compiles EF's query plans.
        for (var i = 0; i < 5; i++) await RankOnceAsync(services, requestId);
        var times = new List<double>();
        int count = 0, eligible = 0;
        for (var i = 0; i < runs; i++)
        {
            var t = Stopwatch.GetTimestamp();
            var ranked = await RankOnceAsync(services, requestId);
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            count = ranked.Count;
            eligible = ranked.Count(c => c.Eligible);
        }
        times.Sort();
        var steps = new Dictionary<string, List<double>>();
        for (var i = 0; i < 10; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var query = scope.ServiceProvider.GetRequiredService<FindCandidatesQuery>();
            await query.RunAsync(requestId);
            foreach (var (step, ms) in query.Timings) (steps.TryGetValue(step, out var l) ? l : steps[step] = []).Add(ms);
        }
        Console.WriteLine("Breakdown (median of 10): " + string.Join(", ", steps.Select(s => $"{s.Key} {s.Value.Order().ElementAt(s.Value.Count / 2):F1} ms")));
        Console.WriteLine($"Candidates with a needed area: {count:N0}, of whom proposable: {eligible:N0}");
        Report("DB load + ranking (FindCandidatesQuery)", times);

        // The pure ranking alone, over every volunteer as a candidate.
        var facts = SyntheticFacts(volunteers);
        var request = new RankingRequest(1, Occasion.Fixed(new DateOnly(2026, 12, 5), new(10, 0), new(15, 0)), [1, 2]);
        for (var i = 0; i < 5; i++) CandidateRanker.Rank(request, facts);
        var pure = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var t = Stopwatch.GetTimestamp();
            CandidateRanker.Rank(request, facts);
            pure.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        pure.Sort();
        Report($"ranking only (CandidateRanker.Rank, {volunteers:N0} candidates)", pure);
        return 0;
    }

    private static void Report(string name, List<double> sorted)
    {
        double P(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        Console.WriteLine($"{name}: runs {sorted.Count}, p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {sorted[^1]:F1} ms");
    }

    private static async Task<IReadOnlyList<RankedCandidate>> RankOnceAsync(IServiceProvider services, long requestId)
    {
        await using var scope = services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<FindCandidatesQuery>();
        return (await query.RunAsync(requestId))!;
    }

    private static readonly Availability[] SlotList =
    [
        Availability.WeekdayMorning, Availability.WeekdayAfternoon, Availability.WeekdayEvening,
        Availability.WeekendMorning, Availability.WeekendAfternoon, Availability.WeekendEvening,
    ];

    private static async Task<(long RequestId, int Assignments)> SeedAsync(IServiceProvider services, int memberCount, int volunteerCount, int requestsPerYear)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MemberHubDbContext>();
        if (await db.VolunteerRequests.Where(r => r.Title == TargetTitle).Select(r => (long?)r.Id).FirstOrDefaultAsync() is { } seeded)
        {
            Console.WriteLine("The database already holds the benchmark data (--data of an earlier run): not seeding again.");
            return (seeded, await db.VolunteerAssignments.CountAsync());
        }
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var today = JapanTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(20261123);
        if (!await db.MemberClasses.AnyAsync())
        {
            db.MemberClasses.AddRange(CompleteSetupHandler.DefaultMemberClasses());
            await db.SaveChangesAsync();
        }
        var classes = await DemoDataSeeder.DemoClassesAsync(db);
        var first = await MemberNumberAllocator.ReserveAsync(db, memberCount);
        var gen = new DemoMemberGenerator(4242);
        const int batch = 5_000;
        for (var done = 0; done < memberCount; done += batch)
        {
            await using var bulk = BulkContext.Over(db);
            bulk.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var tx = await bulk.Database.BeginTransactionAsync();
            for (var i = done; i < Math.Min(memberCount, done + batch); i++)
            {
                var m = gen.NextMember(first + i, classes, today, now);
                m.Status = MemberStatus.Active;
                m.IsArchived = false;
                bulk.Members.Add(m);
            }
            await bulk.SaveChangesAsync();
            await tx.CommitAsync();
        }

        var memberIds = await db.Members.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
        var volunteerIds = memberIds.OrderBy(_ => random.Next()).Take(volunteerCount).Order().ToList();
        var areaIds = await db.VolunteerAreas.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var assignments = 0;
        long target;
        await using (var bulk = BulkContext.Over(db))
        {
            bulk.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var tx = await bulk.Database.BeginTransactionAsync();
            foreach (var id in volunteerIds)
            {
                var availability = Availability.None;
                foreach (var s in SlotList.OrderBy(_ => random.Next()).Take(random.Next(1, 5))) availability |= s;
                if (random.Next(10) == 0) availability |= Availability.ByArrangement;
                bulk.VolunteerProfiles.Add(new VolunteerProfile { MemberId = id, Availability = availability, MaxRequestsPerMonth = random.Next(4) == 0 ? null : random.Next(1, 5), Version = 1, UpdatedAt = now });
                foreach (var a in areaIds.OrderBy(_ => random.Next()).Take(random.Next(1, 5)))
                    bulk.VolunteerSkills.Add(new VolunteerSkill { MemberId = id, AreaId = a, Level = (SkillLevel)random.Next(3) });
                if (random.Next(10) == 0)
                {
                    var from = today.AddDays(random.Next(-30, 120));
                    bulk.VolunteerAbsences.Add(new VolunteerAbsence { MemberId = id, From = from, To = from.AddDays(random.Next(3, 30)) });
                }
            }
            await bulk.SaveChangesAsync();

            // A year of requests (and a few weeks ahead), each asking about ten people of whom about half come.
            var requests = new List<VolunteerRequest>();
            for (var i = 0; i < requestsPerYear + requestsPerYear / 12; i++)
            {
                var day = today.AddDays(random.Next(-365, 30));
                var start = new TimeOnly(random.Next(8, 18), 0);
                var r = new VolunteerRequest { Title = $"活動 {i}", Date = day, StartTime = start, EndTime = start.AddHours(random.Next(1, 5)), PeopleNeeded = 5, Version = 1, CreatedAt = now, CreatedByName = "ベンチマーク" };
                foreach (var a in areaIds.OrderBy(_ => random.Next()).Take(random.Next(1, 3))) r.Areas.Add(new VolunteerRequestArea { AreaId = a });
                requests.Add(r);
            }
            var targetRequest = new VolunteerRequest
            {
                Title = TargetTitle, Date = NextSaturday(today), StartTime = new(10, 0), EndTime = new(15, 0), PeopleNeeded = 10, Version = 1, CreatedAt = now, CreatedByName = "ベンチマーク",
            };
            targetRequest.Areas.Add(new VolunteerRequestArea { AreaId = areaIds[0] });
            targetRequest.Areas.Add(new VolunteerRequestArea { AreaId = areaIds[1] });
            bulk.VolunteerRequests.AddRange(requests);
            bulk.VolunteerRequests.Add(targetRequest);
            await bulk.SaveChangesAsync();
            target = targetRequest.Id;

            foreach (var r in requests)
            {
                var day = r.Date!.Value;
                foreach (var id in volunteerIds.OrderBy(_ => random.Next()).Take(10).Distinct())
                {
                    var status = random.Next(10) switch { < 5 => AssignmentStatus.Accepted, < 8 => AssignmentStatus.Declined, _ => AssignmentStatus.Invited };
                    var past = day < today;
                    bulk.VolunteerAssignments.Add(new VolunteerAssignment
                    {
                        RequestId = r.Id, MemberId = id, Status = status, InvitedOn = day.AddDays(-random.Next(3, 30)), InvitedAt = now, Version = 1,
                        Attended = past && status == AssignmentStatus.Accepted ? random.Next(10) > 0 : null,
                        MinutesServed = past && status == AssignmentStatus.Accepted ? random.Next(1, 9) * 30 : null,
                        ServedOn = past && status == AssignmentStatus.Accepted ? day : null,
                    });
                    assignments++;
                }
            }
            await bulk.SaveChangesAsync();
            await tx.CommitAsync();
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return (target, assignments);
    }

    private const string TargetTitle = "ベンチマーク対象の募集";

    private static DateOnly NextSaturday(DateOnly today)
    {
        var d = today.AddDays(7);
        while (d.DayOfWeek != DayOfWeek.Saturday) d = d.AddDays(1);
        return d;
    }

    private static List<CandidateFacts> SyntheticFacts(int n)
    {
        var random = new Random(7);
        return Enumerable.Range(1, n).Select(i => new CandidateFacts(i, $"会員{i}", [random.Next(1, 6), random.Next(1, 25)],
            (Availability)random.Next(1, 128), random.Next(4) == 0 ? null : random.Next(1, 5),
            random.Next(10) == 0 ? [(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 10))] : [],
            random.Next(20) == 0 ? [new Booking(99, Occasion.Fixed(new DateOnly(2026, 12, 5), new(9, 0), new(11, 0)))] : [],
            random.Next(3), random.Next(12), random.Next(8), new DateOnly(2026, 1, 1).AddDays(random.Next(300)), null)).ToList();
    }
}
