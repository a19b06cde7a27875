using MemberHub.Auditing;
using MemberHub.Members;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Auditing;

/// <summary>
/// A save that makes more audit rows than the interceptor's bulk threshold writes them with plain INSERTs:
/// the rows must read back exactly as the ones written through EF, and roll back with the change.
/// </summary>
public abstract class AuditBulkTests(MemberHubFactory app)
{
    private static List<Member> NewMembers(long classId, int count, string tag) =>
        Enumerable.Range(1, count).Select(i => new Member
        {
            MemberNumber = 900000 + i + (tag == "b" ? 1000 : 0),
            Name = $"一括 太郎{tag}{i}",
            NameKana = $"イッカツ タロウ{tag}{i}",
            MemberClassId = classId,
            JoinedOn = new DateOnly(2026, 4, 1),
            StatusChangedOn = new DateOnly(2026, 4, 1),
            PostalCode = "150-0001",
            Prefecture = "東京都",
            City = "渋谷区",
            Street = $"神宮前1-{i}",
            Phone = "03-1234-5678",
            Email = $"ikkatsu{tag}{i}@example.jp",
            Birthday = new DateOnly(1970, 5, 5),
            Hobbies = "登山",
        }).ToList();

    private static async Task<long> ClassIdAsync(MemberHub.Data.MemberHubDbContext db)
    {
        var existing = await db.MemberClasses.Where(c => c.Name == "一括テスト会員").Select(c => (long?)c.Id).SingleOrDefaultAsync();
        if (existing is { } id) return id;
        var created = new MemberClass { Name = "一括テスト会員", AnnualFeePerUnit = new MemberHub.Common.Yen(3000) };
        db.MemberClasses.Add(created);
        await db.SaveChangesAsync();
        return created.Id;
    }

    [Fact]
    public async Task Many_rows_are_written_in_bulk_with_the_same_values_as_through_EF()
    {
        app.SkipIfUnavailable();
        var (ids, perMember) = await app.WithDbAsync(async db =>
        {
            var classId = await ClassIdAsync(db);
            var one = NewMembers(classId, 1, "single")[0];
            one.MemberNumber = 899999;
            db.Members.Add(one);
            await db.SaveChangesAsync();   // below the threshold: through EF
            var reference = await db.AuditEntries.Where(a => a.EntityType == "Member" && a.EntityId == one.Id.ToString())
                .OrderBy(a => a.Field).ToListAsync();

            var members = NewMembers(classId, 60, "a");
            db.Members.AddRange(members);
            await db.SaveChangesAsync();   // 60 members × ~15 fields: above the threshold
            return (members.Select(m => m.Id).ToList(), reference.Count);
        });

        await app.WithDbAsync(async db =>
        {
            var rows = await db.AuditEntries.Where(a => a.EntityType == "Member" && a.MemberId != null && ids.Contains(a.MemberId!.Value)).ToListAsync();
            Assert.True(rows.Count > AuditInterceptor.BulkThreshold, $"only {rows.Count} rows");
            Assert.All(ids, id => Assert.Equal(perMember, rows.Count(r => r.MemberId == id)));
            var first = await db.Members.SingleAsync(m => m.Id == ids[0]);
            Assert.Contains(rows, r => r is { Action: AuditActions.Create, Field: "NameKana" } && r.MemberId == first.Id && r.After == first.NameKana);
            Assert.Contains(rows, r => r is { Field: "Birthday", After: "1970-05-05" } && r.MemberId == first.Id);
            Assert.All(rows, r => Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, r.OccurredAt));
            // Readable through the same query the member page uses.
            Assert.Equal(perMember, await db.AuditEntries.CountAsync(a => a.MemberId == first.Id && a.EntityId == first.Id.ToString()));
        });
    }

    [Fact]
    public async Task Bulk_rows_belong_to_the_callers_transaction()
    {
        app.SkipIfUnavailable();
        var classId = await app.WithDbAsync(ClassIdAsync);
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        await app.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Members.AddRange(NewMembers(classId, 60, "b"));
            await db.SaveChangesAsync();
            Assert.True(await db.AuditEntries.CountAsync() > before + AuditInterceptor.BulkThreshold);
            await tx.RollbackAsync();
        });
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
        var left = await app.WithDbAsync(db => db.Members.Where(m => m.Name.StartsWith("一括 太郎b")).Select(m => m.Name + "#" + m.Id).ToListAsync());
        Assert.True(left.Count == 0, string.Join(",", left));
    }
}

public class AuditBulkSqliteTests(MemberHubFactory app) : AuditBulkTests(app), IClassFixture<MemberHubFactory>;
public class AuditBulkPostgresTests(PostgresMemberHubFactory app) : AuditBulkTests(app), IClassFixture<PostgresMemberHubFactory>;
