using MemberHub.Banking;
using MemberHub.Billing;
using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Payments;
using Microsoft.EntityFrameworkCore;
using MatchAlias = MemberHub.Payments.PayerAlias;
using BankStatementLine = MemberHub.Banking.BankStatementLine;

namespace MemberHub.Web.Pages.Payments.Imports;

public sealed record ImportListRow(long Id, string FileName, BankFileFormat Format, string? CsvLayoutName, DateTime ImportedAt,
    string ImportedByName, int LinesRead, int NewLines, int KnownLines, int Credits, MemberHub.Common.Yen CreditTotal);

public sealed class ListImportsQuery(MemberHubDbContext db)
{
    public async Task<IReadOnlyList<ImportListRow>> RunAsync() =>
        await db.BankImports.AsNoTracking()
            .OrderByDescending(i => i.ImportedAt).ThenByDescending(i => i.Id)
            .Take(500)
            .Select(i => new ImportListRow(i.Id, i.FileName, i.Format, i.CsvLayoutName, i.ImportedAt, i.ImportedByName,
                i.LinesRead, i.NewLines, i.KnownLines, i.Credits, i.CreditTotal))
            .ToListAsync();
}

/// <summary>
/// What the matcher works on: today's open invoices (with households) and their numbers. The reconciliation screen and
/// the automatic posting load it through <see cref="MatchingInputsQuery"/>.
/// </summary>
public sealed class ImportDetailsQuery(MemberHubDbContext db)
{
    public async Task<(IReadOnlyList<OpenInvoice> Invoices, Dictionary<long, string> Numbers)> OpenInvoicesAsync()
    {
        var rows = await (
            from i in db.Invoices.AsNoTracking()
            where i.Status == InvoiceStatus.Unpaid || i.Status == InvoiceStatus.PartlyPaid
            join m in db.Members on i.MemberId equals m.Id
            select new { i.Id, i.InvoiceNumber, i.MemberId, m.MemberNumber, m.NameKana, i.Total, i.PaidAmount, i.IssuedOn })
            .ToListAsync();
        var households = await HouseholdsAsync();
        var invoices = rows
            .Where(r => r.Total.Value - r.PaidAmount.Value > 0)
            .Select(r => new OpenInvoice(r.Id, r.InvoiceNumber, r.MemberId, r.MemberNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.NameKana, r.Total.Value - r.PaidAmount.Value, r.IssuedOn, households.TryGetValue(r.MemberId, out var h) ? h : null))
            .ToList();
        return (invoices, rows.ToDictionary(r => r.Id, r => r.InvoiceNumber));
    }

    /// <summary>Members linked as 同一世帯 or 配偶者 form one household, named by its smallest member id.</summary>
    private async Task<Dictionary<long, long>> HouseholdsAsync()
    {
        var links = await db.MemberRelations.AsNoTracking()
            .Where(r => r.Kind == RelationKind.Household || r.Kind == RelationKind.Spouse)
            .Select(r => new { r.MemberId, r.RelatedMemberId }).ToListAsync();
        var parent = new Dictionary<long, long>();
        long Find(long x)
        {
            while (parent.TryGetValue(x, out var p) && p != x) { parent[x] = parent.GetValueOrDefault(p, p); x = p; }
            return x;
        }
        foreach (var l in links)
        {
            parent.TryAdd(l.MemberId, l.MemberId);
            parent.TryAdd(l.RelatedMemberId, l.RelatedMemberId);
            var a = Find(l.MemberId);
            var b = Find(l.RelatedMemberId);
            if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
        }
        return parent.Keys.ToDictionary(k => k, Find);
    }
}
