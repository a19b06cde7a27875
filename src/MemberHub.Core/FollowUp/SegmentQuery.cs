using System.Globalization;
using MemberHub.Data;
using MemberHub.Ledger;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.FollowUp;

/// <summary>
/// Turns <see cref="SegmentCriteria"/> into one database query over the members: member columns directly, the
/// figures through one EXISTS on MemberStats (its primary key is the member id), tags and volunteer areas as EXISTS,
/// and the amount paid in a period as an IN over a grouped sum of allocations (raw SQL, because EF cannot SUM the
/// value-converted Yen). Counting, paging and exporting all compose on the IQueryable, so it stays one statement.
/// </summary>
public static class SegmentQuery
{
    public static IQueryable<Member> Members(MemberHubDbContext db, SegmentCriteria c)
    {
        var q = db.Members.AsNoTracking();

        if (c.Statuses.Count > 0)
        {
            var statuses = c.Statuses.Distinct().ToList();
            q = q.Where(m => statuses.Contains(m.Status));
        }
        if (c.MemberClassIds.Count > 0)
        {
            var ids = c.MemberClassIds.Distinct().ToList();
            q = q.Where(m => ids.Contains(m.MemberClassId));
        }
        if (c.Prefectures.Count > 0)
        {
            var prefectures = c.Prefectures.Distinct().ToList();
            q = q.Where(m => m.Prefecture != null && prefectures.Contains(m.Prefecture));
        }
        if (c.TagIds.Count > 0)
        {
            var tags = c.TagIds.Distinct().ToList();
            q = q.Where(m => db.MemberTags.Any(t => t.MemberId == m.Id && tags.Contains(t.TagId)));
        }
        if (c.VolunteerAreaIds.Count > 0)
        {
            var areas = c.VolunteerAreaIds.Distinct().ToList();
            q = q.Where(m => db.VolunteerSkills.Any(s => s.MemberId == m.Id && areas.Contains(s.AreaId)));
        }
        if (!string.IsNullOrWhiteSpace(c.Interest))
        {
            var word = c.Interest.Trim();
            q = q.Where(m => (m.Hobbies != null && m.Hobbies.Contains(word)) || (m.Likes != null && m.Likes.Contains(word)));
        }
        if (c.BirthdayMonth is { } month)
            q = q.Where(m => m.Birthday != null && m.Birthday.Value.Month == month);
        if (c.JoinedYearFrom is { } yf)
        {
            var from = new DateOnly(yf, 1, 1);
            q = q.Where(m => m.JoinedOn >= from);
        }
        if (c.JoinedYearTo is { } yt)
        {
            var to = new DateOnly(yt + 1, 1, 1);
            q = q.Where(m => m.JoinedOn < to);
        }
        if (c.PreferredChannel is { } channel) q = q.Where(m => m.PreferredChannel == channel);
        if (c.HasEmail is { } hasEmail)
            q = hasEmail ? q.Where(m => m.Email != null && m.Email != "") : q.Where(m => m.Email == null || m.Email == "");
        if (c.RefusesEmail is { } re) q = q.Where(m => m.RefusesEmail == re);
        if (c.RefusesPost is { } rp) q = q.Where(m => m.RefusesPost == rp);
        if (c.RefusesPhone is { } rph) q = q.Where(m => m.RefusesPhone == rph);
        if (c.NoBulkMail is { } nb) q = q.Where(m => m.NoNewsletters == nb);

        if (c.UsesStats)
        {
            var stats = db.MemberStats.AsQueryable();
            if (c.Classes.Count > 0)
            {
                var classes = c.Classes.Distinct().ToList();
                stats = stats.Where(s => classes.Contains(s.Class));
            }
            if (c.Stages.Count > 0)
            {
                var stages = c.Stages.Distinct().ToList();
                stats = stats.Where(s => stages.Contains(s.Stage));
            }
            if (c.Dormancies.Count > 0)
            {
                var dormancies = c.Dormancies.Distinct().ToList();
                stats = stats.Where(s => dormancies.Contains(s.Dormancy));
            }
            if (c.LastPaymentOnOrAfter is { } pa) stats = stats.Where(s => s.LastPaymentOn >= pa);
            if (c.LastPaymentBefore is { } pb) stats = stats.Where(s => s.LastPaymentOn == null || s.LastPaymentOn < pb);
            if (c.LastContactOnOrAfter is { } ca) stats = stats.Where(s => s.LastContactOn >= ca);
            if (c.LastContactBefore is { } cb) stats = stats.Where(s => s.LastContactOn == null || s.LastContactOn < cb);
            q = q.Where(m => stats.Any(s => s.MemberId == m.Id));
        }

        if (c.UsesAmount && c.PaidFrom is { } paidFrom && c.PaidTo is { } paidTo)
        {
            // Members paying nothing in the period have no row in the sum: "at least" asks for those in it,
            // "at most" for everyone except those above the limit (so 0円 counts as "at most").
            if (c.PaidMin is { } min && min > 0)
            {
                var atLeast = PaidInPeriod(db, paidFrom, paidTo, $">= {min.ToString(CultureInfo.InvariantCulture)}");
                q = q.Where(m => atLeast.Contains(m.Id));
            }
            if (c.PaidMax is { } max)
            {
                var above = PaidInPeriod(db, paidFrom, paidTo, $"> {max.ToString(CultureInfo.InvariantCulture)}");
                q = q.Where(m => !above.Contains(m.Id));
            }
        }
        return q;
    }

    /// <summary>
    /// Ids of members whose dues and donations received in the period sum to the condition. Reversed payments and
    /// their reversals are left out, as in MemberStats. Every value in the text is a number or a date formatted here,
    /// never user text, so building the SQL by hand is safe.
    /// </summary>
    private static IQueryable<long> PaidInPeriod(MemberHubDbContext db, DateOnly from, DateOnly to, string condition)
    {
        var sql = $"""
            SELECT a."MemberId" AS "Value"
            FROM "PaymentAllocations" a JOIN "Payments" p ON p."Id" = a."PaymentId"
            WHERE a."MemberId" IS NOT NULL AND a."Kind" IN ({(int)AllocationKind.Dues}, {(int)AllocationKind.Donation})
              AND p."ReversesPaymentId" IS NULL AND p."ReversedByPaymentId" IS NULL
              AND p."ReceivedOn" >= '{from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}' AND p."ReceivedOn" <= '{to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'
            GROUP BY a."MemberId"
            HAVING CAST(SUM(a."Amount") AS BIGINT) {condition}
            """;
        return db.Database.SqlQueryRaw<long>(sql);
    }
}
