using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Dues;

/// <summary>What to bill: a fiscal year, optionally some member classes (none = all) or one member, and the dates printed.</summary>
public sealed record BillingRequest(int FiscalYear, IReadOnlyList<long> ClassIds, DateOnly IssuedOn, DateOnly DueOn, long? MemberId = null);

/// <summary>Why a member gets no invoice from a run; the order is the order of the checks.</summary>
public enum LeftOutReason
{
    AlreadyInvoiced,
    Withdrawn,
    Deceased,
    Applying,
    Suspended,
    Archived,
    Exempt,
    JoinedAfterYear,
    NothingToPay,
}

public static class LeftOutLabels
{
    public static string Of(LeftOutReason r) => r switch
    {
        LeftOutReason.AlreadyInvoiced => "請求済み",
        LeftOutReason.Withdrawn => "退会",
        LeftOutReason.Deceased => "逝去",
        LeftOutReason.Applying => "入会手続中",
        LeftOutReason.Suspended => "休会中",
        LeftOutReason.Archived => "アーカイブ済み",
        LeftOutReason.Exempt => "会費免除",
        LeftOutReason.JoinedAfterYear => "年度末より後に入会",
        _ => "会費が0円",
    };
}

/// <summary>One invoice the run will issue, with the recipient block as it will be copied onto the invoice.</summary>
public sealed record PlannedInvoice(
    long MemberId, int MemberNumber, string MemberName, long ClassId, string ClassName, int Units, FeeCalculation Fee,
    DeliveryChannel Delivery, string RecipientName, string? RecipientContactName, string Honorific,
    string? PostalCode, string? Address, string? Email);

public sealed record LeftOutMember(long MemberId, int MemberNumber, string MemberName, string ClassName, LeftOutReason Reason, string? Detail);

/// <summary>The preview of a billing run: who will be billed, for how much, and who is left out and why.</summary>
public sealed class BillingPlan
{
    public required BillingRequest Request { get; init; }
    public required int StartMonth { get; init; }
    public required IReadOnlyList<PlannedInvoice> Billed { get; init; }
    public required IReadOnlyList<LeftOutMember> LeftOut { get; init; }
    public required string? TaxRegistrationNumber { get; init; }

    public Yen Total => Billed.Aggregate(Yen.Zero, (s, b) => s + b.Fee.Total);
    public int PostCount => Billed.Count(b => b.Delivery == DeliveryChannel.Post);

    public IReadOnlyList<(LeftOutReason Reason, int Count)> LeftOutCounts =>
        LeftOut.GroupBy(l => l.Reason).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();

    /// <summary>
    /// A digest of who is billed for how much. The confirm recomputes the plan and issues only if it is still the
    /// one the user looked at; anything that changed in between (another run, an edited member) is shown again first.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var text = new StringBuilder();
            foreach (var b in Billed)
                text.Append(CultureInfo.InvariantCulture, $"{b.MemberId}:{b.ClassId}:{b.Fee.Total.Value}:{(int)b.Delivery};");
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..24];
        }
    }
}

/// <summary>Works out a billing run (or a single member's invoice) from the register; reads only.</summary>
public sealed class BillingPlanQuery(MemberHubDbContext db)
{
    public async Task<BillingPlan> RunAsync(BillingRequest request, CancellationToken ct = default)
    {
        var settings = await db.OrganisationSettings.AsNoTracking()
            .Select(o => new { o.FiscalYearStartMonth, o.TaxRegistrationNumber }).SingleOrDefaultAsync(ct);
        var startMonth = settings?.FiscalYearStartMonth ?? 4;
        var classes = await db.MemberClasses.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);

        var members = db.Members.AsNoTracking();
        if (request.MemberId is { } memberId) members = members.Where(m => m.Id == memberId);
        if (request.ClassIds.Count > 0)
        {
            var ids = request.ClassIds.ToList();
            members = members.Where(m => ids.Contains(m.MemberClassId));
        }
        var rows = await members.OrderBy(m => m.MemberNumber)
            .Select(m => new
            {
                m.Id, m.MemberNumber, m.Kind, m.Name, m.ContactPersonName, m.MemberClassId, m.Units, m.Status, m.IsArchived,
                m.JoinedOn, m.DuesExempt, m.DuesExemptReason, m.PostalCode, m.Prefecture, m.City, m.Street, m.Building,
                m.Email, m.RefusesEmail, m.PreferredChannel,
            })
            .ToListAsync(ct);

        var invoicedQuery = db.Invoices.AsNoTracking()
            .Where(i => i.FiscalYear == request.FiscalYear && i.Status != InvoiceStatus.Cancelled);
        if (request.MemberId is { } onlyMember) invoicedQuery = invoicedQuery.Where(i => i.MemberId == onlyMember);
        var invoiced = (await invoicedQuery.Select(i => new { i.MemberId, i.MemberClassId, i.InvoiceNumber }).ToListAsync(ct))
            .ToDictionary(i => (i.MemberId, i.MemberClassId), i => i.InvoiceNumber);

        var billed = new List<PlannedInvoice>();
        var leftOut = new List<LeftOutMember>();
        foreach (var m in rows)
        {
            var cls = classes[m.MemberClassId];
            LeftOutMember Out(LeftOutReason reason, string? detail = null) => new(m.Id, m.MemberNumber, m.Name, cls.Name, reason, detail);

            if (invoiced.TryGetValue((m.Id, m.MemberClassId), out var number)) { leftOut.Add(Out(LeftOutReason.AlreadyInvoiced, number)); continue; }
            var statusReason = m.Status switch
            {
                MemberStatus.Withdrawn => LeftOutReason.Withdrawn,
                MemberStatus.Deceased => LeftOutReason.Deceased,
                // Not yet a member: billed once the admission is decided (請求は入会の承認後に個別に).
                MemberStatus.Applying => LeftOutReason.Applying,
                // 休会: this organisation does not charge dues while a membership is suspended.
                MemberStatus.Suspended => LeftOutReason.Suspended,
                _ => (LeftOutReason?)null,
            };
            if (statusReason is { } sr) { leftOut.Add(Out(sr)); continue; }
            if (m.IsArchived) { leftOut.Add(Out(LeftOutReason.Archived)); continue; }
            if (m.DuesExempt) { leftOut.Add(Out(LeftOutReason.Exempt, m.DuesExemptReason)); continue; }

            var fee = FeeCalculator.Calculate(
                new FeeRule(cls.Name, cls.AnnualFeePerUnit, cls.TaxClass, cls.JoinRule, cls.HalfFeeFromMonth),
                Math.Max(1, m.Units), m.JoinedOn, request.FiscalYear, startMonth);
            if (fee is null) { leftOut.Add(Out(LeftOutReason.JoinedAfterYear, JapaneseFormat.Date(m.JoinedOn) + "入会")); continue; }
            if (fee.Total.Value <= 0) { leftOut.Add(Out(LeftOutReason.NothingToPay)); continue; }

            var isOrganisation = m.Kind == MemberKind.Organisation;
            var contact = isOrganisation && !string.IsNullOrWhiteSpace(m.ContactPersonName) ? m.ContactPersonName : null;
            var delivery = string.IsNullOrWhiteSpace(m.Email) || m.RefusesEmail || m.PreferredChannel == ContactChannel.Post
                ? DeliveryChannel.Post : DeliveryChannel.Email;
            var address = string.Join(" ", new[] { m.Prefecture, m.City, m.Street, m.Building }.Where(s => !string.IsNullOrWhiteSpace(s)));
            billed.Add(new PlannedInvoice(m.Id, m.MemberNumber, m.Name, cls.Id, cls.Name, Math.Max(1, m.Units), fee, delivery,
                m.Name, contact, isOrganisation && contact is null ? "御中" : "様",
                m.PostalCode, address.Length == 0 ? null : address, m.Email));
        }
        return new BillingPlan
        {
            Request = request, StartMonth = startMonth, Billed = billed, LeftOut = leftOut,
            TaxRegistrationNumber = settings?.TaxRegistrationNumber,
        };
    }

    /// <summary>The current fiscal year and the default dates of a new run: issued today (in Japan), due after the payment term.</summary>
    public async Task<(int FiscalYear, DateOnly IssuedOn, DateOnly DueOn, int StartMonth)> DefaultsAsync(DateOnly today, CancellationToken ct = default)
    {
        var s = await db.OrganisationSettings.AsNoTracking()
            .Select(o => new { o.FiscalYearStartMonth, o.PaymentTermDays }).SingleOrDefaultAsync(ct);
        var startMonth = s?.FiscalYearStartMonth ?? 4;
        return (FiscalYear.Of(today, startMonth), today, today.AddDays(s?.PaymentTermDays ?? 30), startMonth);
    }
}
