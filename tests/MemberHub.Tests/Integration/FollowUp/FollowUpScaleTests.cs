using System.Diagnostics;
using MemberHub.Common;
using MemberHub.FollowUp;
using MemberHub.Identity;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Tests.Support;
using MemberHub.Web.FollowUp;
using MemberHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration.FollowUp;

/// <summary>
/// The follow-up pages over a register with five years of payments, on SQLite: 2,000 members by default, so the suite
/// stays quick; MEMBERHUB_FOLLOWUP_MEMBERS=100000 measures the full size (timings written beside the screenshots).
/// </summary>
public class FollowUpScaleTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    private static readonly string[] Prefectures = ["東京都", "神奈川県", "大阪府", "愛知県", "北海道", "福岡県", "沖縄県", "京都府", "宮城県", "広島県"];

    [Fact]
    public async Task Dashboard_member_record_and_daily_refresh_answer_quickly()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("MEMBERHUB_FOLLOWUP_MEMBERS"), out var n) ? n : 2_000;
        var timings = new List<string> { $"{count:N0} members, five years of payments, SQLite" };
        var watch = Stopwatch.StartNew();
        var (memberIds, payments) = await SeedAsync(count);
        timings.Add($"seeding: {payments:N0} payments in {watch.Elapsed.TotalSeconds:F1} s");

        // What saving new rules costs: everyone placed again (the background worker does the same, 500 at a time).
        watch.Restart();
        await app.WithServicesAsync(async sp =>
        {
            var refresher = sp.GetRequiredService<MemberStatsRefresher>();
            foreach (var chunk in memberIds.Chunk(5_000))
            {
                await using var scope = sp.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MemberHub.Data.MemberHubDbContext>();
                await using var tx = await db.Database.BeginTransactionAsync();
                await refresher.RefreshAsync(db, chunk);
                await tx.CommitAsync();
            }
            return 0;
        });
        timings.Add($"everyone placed (as after a change of rules): {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(count, await app.WithDbAsync(db => db.MemberStats.CountAsync(s => memberIds.Contains(s.MemberId))));

        var staff = await app.SignInAsAsync(Roles.Staff);
        await Timed("/FollowUp/Dashboard (first, compiles queries)", "/FollowUp/Dashboard");
        await Timed("/FollowUp/Dashboard (history cached)", "/FollowUp/Dashboard");
        await Timed($"/Members/Details (first, compiles the page)", $"/Members/Details/{memberIds[7]}");
        await Timed($"/Members/Details (another member)", $"/Members/Details/{memberIds[^3]}");

        // A new day: the history is worked out again, and the daily refresh re-places only those whose anniversaries fell.
        app.Clock.Advance(TimeSpan.FromDays(1));
        staff = await app.SignInAsAsync(Roles.Staff); // the sign-in of yesterday has expired
        await Timed("/FollowUp/Dashboard (new day, history recomputed)", "/FollowUp/Dashboard");
        watch.Restart();
        var placed = await app.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DailyPlacementRefresh>().RunAsync(sp.GetRequiredService<MemberHub.Data.MemberHubDbContext>()));
        timings.Add($"daily refresh: {placed:N0} placed again in {watch.ElapsedMilliseconds} ms");

        var doc = await staff.Http.GetDocumentAsync("/FollowUp/Dashboard");
        Assert.Equal(47, doc.QuerySelectorAll("#japan-map a.prefecture").Length);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", timings));
        var loyal = await app.WithDbAsync(db => db.MemberStats.CountAsync(s => s.Class == SupporterClass.Loyal));
        Assert.True(loyal > 0);

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", timings));
        Directory.CreateDirectory(Screenshots.Folder);
        await File.WriteAllLinesAsync(Path.Combine(Screenshots.Folder, "followup-scale-timings.txt"), timings);

        async Task Timed(string name, string url)
        {
            var w = Stopwatch.StartNew();
            var page = await staff.Http.GetDocumentAsync(url);
            w.Stop();
            timings.Add($"{name}: {w.ElapsedMilliseconds} ms");
            Assert.NotNull(page.QuerySelector("main h1, main h3"));
        }
    }

    /// <summary>Members joined 2015–2025 pay their dues each spring (some skip 2024, some stopped after 2024); one in six also gives in December.</summary>
    private async Task<(long[] MemberIds, int Payments)> SeedAsync(int count)
    {
        return await app.WithDbAsync(async db =>
        {
            await using var bulk = BulkContext.Over(db);
            var cls = new MemberClass { Name = "正会員（追跡規模）", AnnualFeePerUnit = new Yen(5_000), DefaultUnits = 1, HasVote = true, SortOrder = 9 };
            bulk.MemberClasses.Add(cls);
            await bulk.SaveChangesAsync();
            var start = await MemberNumberAllocator.ReserveAsync(bulk, count);
            var members = Enumerable.Range(0, count).Select(i => new Member
            {
                MemberNumber = start + i, Name = $"追跡 花子{i}", NameKana = "ツイセキ ハナコ", MemberClassId = cls.Id, Units = 1,
                Status = i % 20 == 0 ? MemberStatus.Withdrawn : MemberStatus.Active, StatusChangedOn = new DateOnly(2024, 3, 31),
                JoinedOn = new DateOnly(2015 + i % 11, 4, 1), Prefecture = Prefectures[i % Prefectures.Length],
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            }).ToList();
            bulk.Members.AddRange(members);
            await bulk.SaveChangesAsync();
            bulk.ChangeTracker.Clear();

            var payments = 0;
            foreach (var batch in members.Chunk(2_000))
            {
                foreach (var (m, i) in batch.Select(m => (m, (int)(m.MemberNumber - start))))
                    for (var year = 2022; year <= 2026; year++)
                    {
                        if (year < m.JoinedOn.Year || (i % 5 == 1 && year == 2024) || (i % 7 == 2 && year >= 2025)) continue;
                        bulk.Payments.Add(Payment(m.Id, new DateOnly(year, 4, 1 + (i + year) % 28), 5_000, AllocationKind.Dues));
                        payments++;
                        if ((i + year) % 6 != 0) continue;
                        bulk.Payments.Add(Payment(m.Id, new DateOnly(year, 12, 1 + i % 20), 10_000, AllocationKind.Donation));
                        payments++;
                    }
                await bulk.SaveChangesAsync();
                bulk.ChangeTracker.Clear();
            }
            return (members.Select(m => m.Id).ToArray(), payments);
        });
    }

    private static Payment Payment(long memberId, DateOnly on, long amount, AllocationKind kind) => new()
    {
        MemberId = memberId, ReceivedOn = on, Amount = new Yen(amount), Method = PaymentMethod.BankTransfer, CreatedAt = DateTime.UtcNow, CreatedByName = "規模試験",
        Allocations = [new PaymentAllocation { Kind = kind, MemberId = memberId, Amount = new Yen(amount) }],
    };
}
