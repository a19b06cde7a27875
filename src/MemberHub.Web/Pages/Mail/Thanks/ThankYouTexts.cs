using System.Globalization;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Messaging;
using MemberHub.Thanks;
using MemberHub.Web.Documents;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Mail.Thanks;

/// <summary>One thank-you as the member will read it: the recipient, the subject (or letter title) and the text.</summary>
public sealed record ThankYouText(
    long NoteId, long MemberId, int MemberNumber, ThankYouKind Kind, ThankYouChannel Channel, ThankYouStatus Status,
    string Name, string? ContactName, string Honorific, string? PostalCode, string? Address, string? Email,
    bool RefusesEmail, string Subject, string Body, Yen Amount, int? FiscalYear)
{
    public LetterContent Letter(DateOnly date) => new(Name, ContactName, Honorific, PostalCode, Address, date, Subject, Body);
}

/// <summary>
/// Renders thank-you notes from their templates with the member's values; a withdrawal letter also with what they
/// gave during their membership, read from the ledger when the letter is made (so it is current when printed).
/// </summary>
public sealed class ThankYouTextQuery(MemberHubDbContext db, TimeProvider clock)
{
    private const int Chunk = 500;

    private sealed record NoteRow(long Id, long MemberId, int MemberNumber, ThankYouKind Kind, ThankYouChannel Channel, ThankYouStatus Status,
        MemberKind MemberKind, string Name, string? ContactPersonName, string? PostalCode, string? Prefecture, string? City, string? Street,
        string? Building, string? Email, bool RefusesEmail, Yen Amount, DateOnly? ReceivedOn, int? FiscalYear, DateOnly JoinedOn, DateOnly StatusChangedOn);

    /// <summary>The texts of the notes, in the order of <paramref name="noteIds"/> (missing ids are left out).</summary>
    public async Task<IReadOnlyList<ThankYouText>> RenderAsync(IReadOnlyList<long> noteIds, CancellationToken ct = default)
    {
        var organisation = await db.OrganisationSettings.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Name).FirstOrDefaultAsync(ct);
        // Before the organisation is set up its name is empty; 「当会」 keeps the sentences whole.
        if (string.IsNullOrWhiteSpace(organisation)) organisation = "当会";
        var templates = await TemplatesAsync(ct);
        var byId = new Dictionary<long, ThankYouText>();
        foreach (var chunk in noteIds.Distinct().Chunk(Chunk))
        {
            var rows = await db.ThankYouNotes.AsNoTracking().Where(n => chunk.Contains(n.Id))
                .Join(db.Members, n => n.MemberId, m => m.Id, (n, m) => new NoteRow(n.Id, m.Id, m.MemberNumber, n.Kind, n.Channel, n.Status,
                    m.Kind, m.Name, m.ContactPersonName, m.PostalCode, m.Prefecture, m.City, m.Street, m.Building, m.Email, m.RefusesEmail,
                    n.Amount, n.ReceivedOn, n.FiscalYear, m.JoinedOn, m.StatusChangedOn))
                .ToListAsync(ct);
            var withdrawing = rows.Where(r => r.Kind == ThankYouKind.Withdrawal).ToList();
            var contributions = withdrawing.Count == 0 ? new Dictionary<long, MemberContribution>()
                : await ContributionsAsync(withdrawing.Select(r => (r.MemberId, r.JoinedOn, r.StatusChangedOn)).ToList(), ct);
            foreach (var r in rows)
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["氏名"] = r.Name,
                    ["会員番号"] = r.MemberNumber.ToString(CultureInfo.InvariantCulture),
                    ["年度"] = r.FiscalYear?.ToString(CultureInfo.InvariantCulture) ?? "",
                    ["金額"] = r.Amount.ToString(),
                    ["入金日"] = JapaneseFormat.Date(r.ReceivedOn),
                    ["団体名"] = organisation,
                };
                if (contributions.TryGetValue(r.MemberId, out var c))
                    foreach (var (k, v) in c.Fields()) values[k] = v;
                var (subject, body) = templates[ThankYouTemplates.KeyFor(r.Kind, r.Channel)];
                var contact = r.MemberKind == MemberKind.Organisation && !string.IsNullOrWhiteSpace(r.ContactPersonName) ? r.ContactPersonName : null;
                var address = string.Join(" ", new[] { r.Prefecture, r.City, r.Street, r.Building }.Where(s => !string.IsNullOrWhiteSpace(s)));
                byId[r.Id] = new ThankYouText(r.Id, r.MemberId, r.MemberNumber, r.Kind, r.Channel, r.Status, r.Name, contact,
                    r.MemberKind == MemberKind.Organisation && contact is null ? "御中" : "様", r.PostalCode, address.Length == 0 ? null : address,
                    r.Email, r.RefusesEmail, TemplateText.Render(subject, values), TemplateText.Render(body, values), r.Amount, r.FiscalYear);
            }
        }
        return noteIds.Distinct().Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    public DateOnly Today => JapanTime.Today(clock);

    /// <summary>Every thank-you template by key: the organisation's text, or the default when it has none.</summary>
    private async Task<Dictionary<string, (string Subject, string Body)>> TemplatesAsync(CancellationToken ct)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var d in DefaultTemplates.All.Where(t => ThankYouTemplates.IsThankYou(t.Key))) result[d.Key] = (d.Subject, d.Body);
        foreach (var d in ThankYouTemplates.Defaults) result[d.Key] = (d.Subject, d.Body);
        var keys = result.Keys.ToList();
        foreach (var t in await db.MessageTemplates.AsNoTracking().Where(t => keys.Contains(t.Key)).Select(t => new { t.Key, t.Subject, t.Body }).ToListAsync(ct))
            result[t.Key] = (t.Subject, t.Body);
        return result;
    }

    private sealed record SumRow(long MemberId, long? Dues, long? Donation);
    private sealed record YearRow(long MemberId, int FiscalYear);
    private sealed record MinutesRow(long MemberId, long? Minutes);

    /// <summary>Dues years and totals, donations and volunteer hours of each member, from the ledger and the volunteer records.</summary>
    public async Task<Dictionary<long, MemberContribution>> ContributionsAsync(IReadOnlyList<(long MemberId, DateOnly JoinedOn, DateOnly LeftOn)> members, CancellationToken ct = default)
    {
        var result = new Dictionary<long, MemberContribution>();
        foreach (var chunk in members.DistinctBy(m => m.MemberId).Chunk(Chunk))
        {
            // Ids are numbers formatted here, never user text; reversed payments and their reversals count for nothing.
            var list = string.Join(",", chunk.Select(m => m.MemberId.ToString(CultureInfo.InvariantCulture)));
            var sumsSql = $"""
                SELECT a."MemberId" AS "MemberId",
                       CAST(SUM(CASE WHEN a."Kind" = 0 THEN a."Amount" ELSE 0 END) AS BIGINT) AS "Dues",
                       CAST(SUM(CASE WHEN a."Kind" = 1 THEN a."Amount" ELSE 0 END) AS BIGINT) AS "Donation"
                FROM "PaymentAllocations" a JOIN "Payments" p ON p."Id" = a."PaymentId"
                WHERE a."MemberId" IN ({list}) AND p."ReversesPaymentId" IS NULL AND p."ReversedByPaymentId" IS NULL
                GROUP BY a."MemberId"
                """;
            var yearsSql = $"""
                SELECT DISTINCT a."MemberId" AS "MemberId", i."FiscalYear" AS "FiscalYear"
                FROM "PaymentAllocations" a JOIN "Payments" p ON p."Id" = a."PaymentId" JOIN "Invoices" i ON i."Id" = a."InvoiceId"
                WHERE a."MemberId" IN ({list}) AND a."Kind" = 0 AND p."ReversesPaymentId" IS NULL AND p."ReversedByPaymentId" IS NULL
                """;
            var minutesSql = $"""
                SELECT "MemberId" AS "MemberId", CAST(SUM(COALESCE("MinutesServed", 0)) AS BIGINT) AS "Minutes"
                FROM "VolunteerAssignments" WHERE "MemberId" IN ({list}) AND "Attended" = TRUE GROUP BY "MemberId"
                """;
            var sums = (await db.Database.SqlQueryRaw<SumRow>(sumsSql).ToListAsync(ct)).ToDictionary(r => r.MemberId);
            var years = (await db.Database.SqlQueryRaw<YearRow>(yearsSql).ToListAsync(ct)).ToLookup(r => r.MemberId, r => r.FiscalYear);
            var minutes = (await db.Database.SqlQueryRaw<MinutesRow>(minutesSql).ToListAsync(ct)).ToDictionary(r => r.MemberId, r => r.Minutes ?? 0);
            foreach (var m in chunk)
            {
                var s = sums.GetValueOrDefault(m.MemberId);
                result[m.MemberId] = new MemberContribution(m.JoinedOn, m.LeftOn, years[m.MemberId].Order().ToList(),
                    new Yen(s?.Dues ?? 0), new Yen(s?.Donation ?? 0), minutes.GetValueOrDefault(m.MemberId));
            }
        }
        return result;
    }
}
