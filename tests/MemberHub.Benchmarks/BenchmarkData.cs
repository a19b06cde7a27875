using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Demo;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Benchmarks;

/// <summary>What the scenarios search for: values taken from the seeded register, so every search finds someone.</summary>
public sealed record BenchmarkSamples(string FamilyKanji, string FamilyHiragana, string HalfWidthKana, string PhoneWithHyphens,
    int MemberNumber, string EmailFragment, long ClassId, long TagId);

public static class BenchmarkData
{
    public const string StaffEmail = "bench-staff@example.jp";
    public const string StaffPassword = "benchmark staff passphrase";
    private const int Batch = 5_000;

    /// <summary>
    /// Adds members (the demo generator's names and addresses) until there are <paramref name="target"/>, in batches of
    /// 5,000: one transaction each, change detection off, through the unaudited bulk context.
    /// </summary>
    public static async Task<TimeSpan> SeedAsync(IServiceProvider services, int target)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MemberHubDbContext>();
        if (!await db.MemberClasses.AnyAsync())
        {
            db.MemberClasses.AddRange(CompleteSetupHandler.DefaultMemberClasses());
            await db.SaveChangesAsync();
        }
        var have = await db.Members.CountAsync();
        if (have >= target) return TimeSpan.Zero;

        var tags = await db.Tags.ToListAsync();
        if (tags.Count == 0)
        {
            tags = new[] { "ニュースレター", "ボランティア希望", "寄付者", "イベント常連", "広報協力" }.Select(n => new Tag { Name = n }).ToList();
            db.Tags.AddRange(tags);
            await db.SaveChangesAsync();
        }
        var classes = await DemoDataSeeder.DemoClassesAsync(db);
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var today = JapanTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var count = target - have;
        var first = await MemberNumberAllocator.ReserveAsync(db, count);
        var gen = new DemoMemberGenerator(4242 + have);

        for (var done = 0; done < count; done += Batch)
        {
            await using var bulk = BulkContext.Over(db);
            bulk.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var tx = await bulk.Database.BeginTransactionAsync();
            var members = new List<Member>(Batch);
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                var m = gen.NextMember(first + i, classes, today, now);
                if (gen.Random.Next(100) < 30) m.Tags.Add(new MemberTag { TagId = tags[gen.Random.Next(tags.Count)].Id });
                members.Add(m);
            }
            bulk.Members.AddRange(members);
            await bulk.SaveChangesAsync();
            await tx.CommitAsync();
            Console.Write($"\r  {Math.Min(count, done + Batch):N0} / {count:N0} members");
        }
        Console.WriteLine();
        // Fresh statistics, as a register that has been in use would have (both SQLite and PostgreSQL know ANALYZE).
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return watch.Elapsed;
    }

    public static async Task EnsureStaffAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(StaffEmail) is not null) return;
        var user = new AppUser { UserName = StaffEmail, Email = StaffEmail, EmailConfirmed = true, DisplayName = "ベンチマーク 事務局", CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, StaffPassword);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Staff);
    }

    public static async Task<BenchmarkSamples> SamplesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MemberHubDbContext>();
        var count = await db.Members.CountAsync();
        var middle = await db.Members.OrderBy(m => m.Id).Skip(count / 2).FirstAsync(m => m.Kind == MemberKind.Individual && m.MobilePhone != null && m.Email != null);
        var family = middle.Name.Split(' ')[0];
        var kana = middle.NameKana;
        var hiragana = new string(kana.Split(' ')[0].Select(c => c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c).ToArray());
        var halfWidth = ToHalfWidth(kana);
        var tagId = await db.Tags.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        return new BenchmarkSamples(family, hiragana, halfWidth, middle.MobilePhone!, middle.MemberNumber,
            middle.Email!.Split('@')[0], middle.MemberClassId, tagId);
    }

    /// <summary>Signs in as the benchmark's staff member through the login form, as a browser does.</summary>
    public static async Task SignInAsync(HttpClient http)
    {
        var page = await http.GetStringAsync("/Account/Login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        if (token.Length == 0) token = Regex.Match(page, "value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"").Groups[1].Value;
        var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = StaffEmail,
            ["Input.Password"] = StaffPassword,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode}");
    }

    /// <summary>ヤマダ タロウ as a bank or an old system writes it: ﾔﾏﾀﾞ ﾀﾛｳ.</summary>
    private static string ToHalfWidth(string katakana)
    {
        const string full = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー ";
        const string half = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ ";
        const string voiced = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
        const string voicedBase = "カキクケコサシスセソタチツテトハヒフヘホ";
        const string semi = "パピプペポ";
        const string semiBase = "ハヒフヘホ";
        var sb = new System.Text.StringBuilder();
        foreach (var c in katakana)
        {
            int i;
            if ((i = voiced.IndexOf(c)) >= 0) sb.Append(half[full.IndexOf(voicedBase[i])]).Append('ﾞ');
            else if ((i = semi.IndexOf(c)) >= 0) sb.Append(half[full.IndexOf(semiBase[i])]).Append('ﾟ');
            else if ((i = full.IndexOf(c)) >= 0) sb.Append(half[i]);
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
