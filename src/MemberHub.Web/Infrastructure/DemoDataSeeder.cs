using MemberHub.FollowUp;
using System.Security.Cryptography;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Demo;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Organisation;
using MemberHub.Web.Pages.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Infrastructure;

/// <summary>
/// The demo accounts and their password, made up at start. The password is written to the log once and kept
/// here only in memory (tests read it from here instead of from the log); it is never a fixed default.
/// </summary>
public sealed class DemoCredentials
{
    public string? Password { get; internal set; }
    public IReadOnlyList<(string Email, string Role)> Accounts { get; internal set; } = [];

    public static readonly (string Email, string Role, string DisplayName)[] DemoAccounts =
    [
        ("admin@demo.memberhub.jp", Roles.Admin, "中村 恵子"),
        ("staff@demo.memberhub.jp", Roles.Staff, "小林 健太"),
        ("treasurer@demo.memberhub.jp", Roles.Treasurer, "山本 洋子"),
        ("volunteer@demo.memberhub.jp", Roles.Volunteer, ""),
    ];

    /// <summary>20 characters from an alphabet without look-alikes (0/O, 1/l), in groups of four for reading aloud.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return string.Join('-', chars.Chunk(4).Select(c => new string(c)));
    }
}

/// <summary>
/// Fills an empty database with about 300 realistic members (the documented demo option, Database:SeedDemoData),
/// and, when nobody can sign in yet, the demo accounts and the organisation's settings so first-run set-up is skipped.
/// </summary>
public sealed class DemoDataSeeder(
    MemberHubDbContext db,
    UserManager<AppUser> users,
    DemoCredentials credentials,
    FirstRunState firstRun,
    TimeProvider clock,
    MemberStatsRefresher statsRefresher,
    ILogger<DemoDataSeeder> log)
{
    public const int MemberCount = 300;
    public const int Seed = 20261123;

    private static readonly string[] TagNames = ["ニュースレター", "ボランティア希望", "寄付者", "イベント常連", "広報協力", "理事", "監事", "会報郵送希望"];

    public async Task SeedIfEmptyAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapanTime.Today(clock);

        if (await db.OrganisationSettings.FindAsync(OrganisationSettings.SingletonId) is null)
            db.OrganisationSettings.Add(new OrganisationSettings
            {
                Name = "NPO法人 みどりの森ネットワーク",
                PostalCode = "180-0004",
                Address = "東京都武蔵野市吉祥寺本町2丁目5-10 みどりビル3階",
                Representative = "理事長 森田 和夫",
                Phone = "0422-55-1234",
                Email = "office@midori-mori.example.jp",
            });
        if (!await db.MemberClasses.AnyAsync())
            db.MemberClasses.AddRange(CompleteSetupHandler.DefaultMemberClasses());
        await db.SaveChangesAsync();

        if (!await db.Members.AnyAsync())
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await SeedMembersAsync(today, now);
            log.LogInformation("Demo data: {Count} members seeded in {Ms} ms.", MemberCount, started.ElapsedMilliseconds);
        }
        if (!await db.Users.AnyAsync())
            await CreateAccountsAsync(now);
    }

    private async Task SeedMembersAsync(DateOnly today, DateTime now)
    {
        var classes = await DemoClassesAsync(db);
        var tags = TagNames.Select(n => new Tag { Name = n }).ToList();
        var existing = await db.Tags.ToListAsync();
        foreach (var t in tags.ToList())
        {
            var e = existing.FirstOrDefault(x => x.Name == t.Name);
            if (e is not null) tags[tags.IndexOf(t)] = e;
            else db.Tags.Add(t);
        }
        await db.SaveChangesAsync();

        var gen = new DemoMemberGenerator(Seed);
        var r = gen.Random;
        var firstNumber = await MemberNumberAllocator.ReserveAsync(db, MemberCount);
        var members = new List<Member>(MemberCount);
        var spouses = new List<(Member A, Member B)>();
        while (members.Count < MemberCount)
        {
            var m = gen.NextMember(firstNumber + members.Count, classes, today, now);
            members.Add(m);
            if (m.Kind == MemberKind.Individual && members.Count < MemberCount && r.Next(100) < 4)
            {
                var spouse = gen.SpouseOf(m, firstNumber + members.Count, classes, today, now);
                members.Add(spouse);
                spouses.Add((m, spouse));
            }
        }

        Tag T(string name) => tags.Single(t => t.Name == name);
        var boardLeft = 8;
        var auditorsLeft = 2;
        foreach (var m in members)
        {
            var active = m.Status == MemberStatus.Active;
            var chosen = new List<Tag>();
            if (active && !m.NoNewsletters && r.Next(100) < 45) chosen.Add(T("ニュースレター"));
            if (active && r.Next(100) < 15) chosen.Add(T("ボランティア希望"));
            if (r.Next(100) < 12) chosen.Add(T("寄付者"));
            if (active && r.Next(100) < 10) chosen.Add(T("イベント常連"));
            if (active && r.Next(100) < 5) chosen.Add(T("広報協力"));
            if (!m.RefusesPost && r.Next(100) < 8) chosen.Add(T("会報郵送希望"));
            if (active && m.Kind == MemberKind.Individual && m.JoinedOn < today.AddYears(-5))
            {
                if (boardLeft > 0 && r.Next(100) < 6) { chosen.Add(T("理事")); boardLeft--; }
                else if (auditorsLeft > 0 && r.Next(100) < 3) { chosen.Add(T("監事")); auditorsLeft--; }
            }
            m.Tags = chosen.Select(t => new MemberTag { Tag = t }).ToList();
        }

        string[] staff = ["中村 恵子", "小林 健太", "山本 洋子", "森田 和夫"];
        foreach (var m in members.Where(_ => r.Next(100) < 70))
            m.ContactRecords = gen.NextContacts(m, today, staff, now);

        // Made-up members get one audit row for the lot instead of ~30 per member, which would triple the
        // seeding time and bury the demo's audit log; so they are saved through a context without the interceptor.
        await using (var bulk = BulkContext.Over(db))
        {
            bulk.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var tx = await bulk.Database.BeginTransactionAsync();
            foreach (var t in tags) bulk.Attach(t);
            bulk.Members.AddRange(members);
            await bulk.SaveChangesAsync();
            foreach (var (a, b) in spouses)
                bulk.MemberRelations.Add(new MemberRelation { MemberId = a.Id, RelatedMemberId = b.Id, Kind = RelationKind.Spouse, CreatedAt = now });
            bulk.AuditEntries.Add(new AuditEntry
            {
                OccurredAt = now,
                UserName = "システム",
                EntityType = nameof(Member),
                EntityId = "demo",
                Action = AuditActions.Create,
                After = $"デモデータ {members.Count}件（対応履歴 {members.Sum(m => m.ContactRecords.Count)}件）を作成",
            });
            await bulk.SaveChangesAsync();
            // The bulk context keeps no figures; every member gets their row (見込み, last contact …) in the same transaction.
            await statsRefresher.RefreshAsync(bulk, members.Select(m => m.Id).ToList());
            await tx.CommitAsync();
        }
    }

    /// <summary>The four usual classes by name (created by set-up or above); falls back to the first classes there are.</summary>
    public static async Task<DemoMemberClasses> DemoClassesAsync(MemberHubDbContext db)
    {
        var all = await db.MemberClasses.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync();
        long Find(string name, int fallback) => (all.FirstOrDefault(c => c.Name == name) ?? all[Math.Min(fallback, all.Count - 1)]).Id;
        return new DemoMemberClasses(
            Find("正会員（個人）", 0), Find("正会員（団体）", 1), Find("賛助会員（個人）", 2), Find("賛助会員（団体）", 3));
    }

    private async Task CreateAccountsAsync(DateTime now)
    {
        var password = DemoCredentials.NewPassword();
        string? passwordHash = null;
        var volunteerMember = await db.Members
            .Where(m => m.Kind == MemberKind.Individual && m.Status == MemberStatus.Active && m.UserId == null)
            .OrderBy(m => m.MemberNumber).FirstOrDefaultAsync();
        foreach (var (email, role, displayName) in DemoCredentials.DemoAccounts)
        {
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = role == Roles.Volunteer ? volunteerMember?.Name ?? "ボランティア" : displayName,
                CreatedAt = now,
            };
            // One PBKDF2 hash for the four accounts (same password): hashing is deliberately slow, and start-up should not be.
            passwordHash ??= users.PasswordHasher.HashPassword(user, password);
            user.PasswordHash = passwordHash;
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
                throw new InvalidOperationException("Could not create demo account " + email + ": " + string.Join(", ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            if (role == Roles.Volunteer && volunteerMember is not null)
            {
                volunteerMember.UserId = user.Id;
                volunteerMember.Version++;
                volunteerMember.UpdatedAt = now;
                await db.SaveChangesAsync();
            }
        }
        credentials.Password = password;
        credentials.Accounts = DemoCredentials.DemoAccounts.Select(a => (a.Email, a.Role)).ToList();
        firstRun.MarkDone();
        // Printed once, at the start that created the accounts; it is not stored anywhere else.
        log.LogWarning(
            "デモ用アカウントを作成しました（Demo accounts created）: {Accounts} / パスワード（password）: {Password}  — このパスワードは今回だけ表示されます。",
            string.Join(", ", DemoCredentials.DemoAccounts.Select(a => $"{a.Email} ({a.Role})")), password);
    }
}
