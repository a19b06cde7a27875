using System.Globalization;
using System.Text;
using System.Text.Json;
using MemberHub.Common;
using MemberHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MemberHub.FollowUp;

/// <summary>Recomputes <see cref="MemberStats"/> of some members from the ledger, contacts, attendance and volunteer service.</summary>
public interface IMemberStatsRefresher
{
    /// <summary>Runs inside the caller's transaction (MemberHubDbContext calls it right after saving the facts).</summary>
    Task RefreshAsync(MemberHubDbContext db, IReadOnlyCollection<long> memberIds, CancellationToken ct = default);
}

public sealed class MemberStatsRefresher(TimeProvider clock) : IMemberStatsRefresher
{
    private const int Chunk = 500;

    public async Task RefreshAsync(MemberHubDbContext db, IReadOnlyCollection<long> memberIds, CancellationToken ct = default)
    {
        if (memberIds.Count == 0) return;
        var today = JapanTime.Today(clock);
        var rules = await LoadRulesAsync(db, ct);
        foreach (var chunk in memberIds.Distinct().Order().Chunk(Chunk))
            await RefreshChunkAsync(db, chunk, rules, today, ct);
    }

    /// <summary>Every member (after bulk seeding, or when the rules change).</summary>
    public async Task RefreshAllAsync(MemberHubDbContext db, CancellationToken ct = default)
    {
        var ids = await db.Members.Select(m => m.Id).ToListAsync(ct);
        await RefreshAsync(db, ids, ct);
    }

    public static async Task<ClassificationRules> LoadRulesAsync(MemberHubDbContext db, CancellationToken ct = default)
    {
        var json = await db.FollowUpSettings.Where(s => s.Id == 1).Select(s => s.RulesJson).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(json) ? ClassificationRules.Default
            : JsonSerializer.Deserialize<ClassificationRules>(json) ?? ClassificationRules.Default;
    }

    private sealed record PaymentRow(long MemberId, long PaymentId, DateOnly ReceivedOn, long Dues, long Donation);
    private sealed record LastDateRow(long MemberId, DateOnly? LastOn, long Count, long Total);
    private sealed record MemberRow(long MemberId, DateOnly JoinedOn, bool KeepMailingWhenDormant);

    private async Task RefreshChunkAsync(MemberHubDbContext db, long[] ids, ClassificationRules rules, DateOnly today, CancellationToken ct)
    {
        var list = string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        // Reversed payments and their reversals cancel out, so neither counts as a payment.
        var paymentsSql = $"""
            SELECT a."MemberId" AS "MemberId", p."Id" AS "PaymentId", p."ReceivedOn" AS "ReceivedOn",
                   CAST(SUM(CASE WHEN a."Kind" = 0 THEN a."Amount" ELSE 0 END) AS BIGINT) AS "Dues",
                   CAST(SUM(CASE WHEN a."Kind" = 1 THEN a."Amount" ELSE 0 END) AS BIGINT) AS "Donation"
            FROM "PaymentAllocations" a JOIN "Payments" p ON p."Id" = a."PaymentId"
            WHERE a."MemberId" IN ({list}) AND a."Kind" IN (0, 1)
              AND p."ReversesPaymentId" IS NULL AND p."ReversedByPaymentId" IS NULL
            GROUP BY a."MemberId", p."Id", p."ReceivedOn"
            """;
        var contactsSql = $"""
            SELECT "MemberId" AS "MemberId", MAX("OccurredOn") AS "LastOn", CAST(COUNT(*) AS BIGINT) AS "Count", CAST(0 AS BIGINT) AS "Total"
            FROM "ContactRecords" WHERE "MemberId" IN ({list}) GROUP BY "MemberId"
            """;
        var eventsSql = $"""
            SELECT a."MemberId" AS "MemberId", MAX(e."HeldOn") AS "LastOn", CAST(COUNT(*) AS BIGINT) AS "Count", CAST(0 AS BIGINT) AS "Total"
            FROM "EventAttendances" a JOIN "OrganisationEvents" e ON e."Id" = a."EventId"
            WHERE a."MemberId" IN ({list}) AND e."IsCancelled" = FALSE GROUP BY a."MemberId"
            """;
        var serviceSql = $"""
            SELECT "MemberId" AS "MemberId", MAX("ServedOn") AS "LastOn", CAST(COUNT(*) AS BIGINT) AS "Count",
                   CAST(SUM(COALESCE("MinutesServed", 0)) AS BIGINT) AS "Total"
            FROM "VolunteerAssignments" WHERE "MemberId" IN ({list}) AND "Attended" = TRUE GROUP BY "MemberId"
            """;
        var payments = await db.Database.SqlQueryRaw<PaymentRow>(paymentsSql).ToListAsync(ct);
        var contacts = await db.Database.SqlQueryRaw<LastDateRow>(contactsSql).ToListAsync(ct);
        var events = await db.Database.SqlQueryRaw<LastDateRow>(eventsSql).ToListAsync(ct);
        var service = await db.Database.SqlQueryRaw<LastDateRow>(serviceSql).ToListAsync(ct);
        var members = await db.Members.Where(m => ids.Contains(m.Id))
            .Select(m => new MemberRow(m.Id, m.JoinedOn, m.KeepMailingWhenDormant)).ToListAsync(ct);

        var paymentsBy = payments.ToLookup(p => p.MemberId);
        var contactsBy = contacts.ToDictionary(c => c.MemberId);
        var eventsBy = events.ToDictionary(c => c.MemberId);
        var serviceBy = service.ToDictionary(c => c.MemberId);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = new List<MemberStats>(members.Count);

        foreach (var m in members)
        {
            var own = paymentsBy[m.MemberId].Where(p => p.Dues + p.Donation > 0).OrderBy(p => p.ReceivedOn).ToList();
            var lastContact = Latest(contactsBy.GetValueOrDefault(m.MemberId)?.LastOn, eventsBy.GetValueOrDefault(m.MemberId)?.LastOn,
                serviceBy.GetValueOrDefault(m.MemberId)?.LastOn);
            var history = new SupporterHistory(own.Select(p => new PaymentFact(p.ReceivedOn, p.Dues + p.Donation)).ToList(),
                lastContact, m.JoinedOn, m.KeepMailingWhenDormant);
            var placement = SupporterClassifier.Classify(history, rules, today);

            rows.Add(new MemberStats
            {
                MemberId = m.MemberId,
                DuesTotal = new Yen(paymentsBy[m.MemberId].Sum(p => p.Dues)),
                DonationTotal = new Yen(paymentsBy[m.MemberId].Sum(p => p.Donation)),
                PaymentCount = own.Count,
                FirstPaymentOn = own.Count == 0 ? null : own[0].ReceivedOn,
                LastPaymentOn = own.Count == 0 ? null : own[^1].ReceivedOn,
                LastContactOn = lastContact,
                EventCount = (int)(eventsBy.GetValueOrDefault(m.MemberId)?.Count ?? 0),
                VolunteerMinutes = (int)(serviceBy.GetValueOrDefault(m.MemberId)?.Total ?? 0),
                Class = placement.Class,
                Stage = placement.Stage,
                Dormancy = placement.Dormancy,
                ClassifiedOn = today,
                UpdatedAt = now,
            });
        }
        await UpsertAsync(db, rows, ct);
    }

    private const string UpsertSql = """
        INSERT INTO "MemberStats" ("MemberId", "DuesTotal", "DonationTotal", "PaymentCount", "FirstPaymentOn", "LastPaymentOn",
            "LastContactOn", "EventCount", "VolunteerMinutes", "Class", "Stage", "Dormancy", "ClassifiedOn", "UpdatedAt")
        VALUES (@id, @dues, @donation, @count, @first, @last, @contact, @events, @minutes, @class, @stage, @dormancy, @on, @at)
        ON CONFLICT ("MemberId") DO UPDATE SET "DuesTotal" = excluded."DuesTotal", "DonationTotal" = excluded."DonationTotal",
            "PaymentCount" = excluded."PaymentCount", "FirstPaymentOn" = excluded."FirstPaymentOn", "LastPaymentOn" = excluded."LastPaymentOn",
            "LastContactOn" = excluded."LastContactOn", "EventCount" = excluded."EventCount", "VolunteerMinutes" = excluded."VolunteerMinutes",
            "Class" = excluded."Class", "Stage" = excluded."Stage", "Dormancy" = excluded."Dormancy",
            "ClassifiedOn" = excluded."ClassifiedOn", "UpdatedAt" = excluded."UpdatedAt"
        """;

    /// <summary>
    /// Writes the rows with one prepared upsert (SQLite and PostgreSQL both know ON CONFLICT … excluded), in the caller's
    /// transaction. Derived data, not audited: going through EF's change tracker cost more than the rest of a batch posting
    /// (a nested SaveChanges per 500 members that scanned everything the batch had tracked).
    /// </summary>
    private static async Task UpsertAsync(MemberHubDbContext db, List<MemberStats> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = UpsertSql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            System.Data.Common.DbParameter Add(string name)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                command.Parameters.Add(p);
                return p;
            }
            var id = Add("@id"); var dues = Add("@dues"); var donation = Add("@donation"); var count = Add("@count");
            var first = Add("@first"); var last = Add("@last"); var contact = Add("@contact"); var events = Add("@events");
            var minutes = Add("@minutes"); var cls = Add("@class"); var stage = Add("@stage"); var dormancy = Add("@dormancy");
            var on = Add("@on"); var at = Add("@at");
            foreach (var r in rows)
            {
                id.Value = r.MemberId;
                dues.Value = r.DuesTotal.Value;
                donation.Value = r.DonationTotal.Value;
                count.Value = r.PaymentCount;
                first.Value = (object?)r.FirstPaymentOn ?? DBNull.Value;
                last.Value = (object?)r.LastPaymentOn ?? DBNull.Value;
                contact.Value = (object?)r.LastContactOn ?? DBNull.Value;
                events.Value = r.EventCount;
                minutes.Value = r.VolunteerMinutes;
                cls.Value = (int)r.Class;
                stage.Value = (int)r.Stage;
                dormancy.Value = (int)r.Dormancy;
                on.Value = r.ClassifiedOn;
                at.Value = r.UpdatedAt;
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
        // Rows the context tracks from an earlier read would otherwise answer later queries with the old figures.
        var written = rows.Select(r => r.MemberId).ToHashSet();
        foreach (var entry in db.ChangeTracker.Entries<MemberStats>().Where(e => written.Contains(e.Entity.MemberId)).ToList())
            entry.State = EntityState.Detached;
    }

    private static DateOnly? Latest(params DateOnly?[] dates) => dates.Where(d => d is not null).DefaultIfEmpty(null).Max();
}
