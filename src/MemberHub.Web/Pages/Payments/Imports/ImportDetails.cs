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

public sealed record ProposedMember(long MemberId, int MemberNumber, string Name);

/// <summary>The matcher's best reading of one credit, as the details page shows it.</summary>
public sealed record LineProposal(
    ProposedMember? Member,
    IReadOnlyList<(string InvoiceNumber, long Amount)> Allocations,
    double Score,
    bool AutoApply,
    int CandidateCount,
    long Unallocated,
    long Shortfall);

public sealed record ImportLineRow(BankStatementLine Line, LineProposal? Proposal);

public sealed record ImportDetails(BankImport Import, IReadOnlyList<ImportLineRow> Lines, int AutoApplicable, int WithCandidate, int OpenInvoices);

/// <summary>
/// An import's lines, credits first, with the matcher's proposals for the credits that are still 未処理,
/// computed on the fly against today's open invoices and remembered payers. Read-only: posting comes with the
/// reconciliation screen.
/// </summary>
public sealed class ImportDetailsQuery(MemberHubDbContext db)
{
    public async Task<ImportDetails?> RunAsync(long id)
    {
        var import = await db.BankImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (import is null) return null;
        var lines = await db.BankStatementLines.AsNoTracking()
            .Where(l => l.BankImportId == id)
            .OrderByDescending(l => l.IsMatchCandidate).ThenBy(l => l.BookedOn).ThenBy(l => l.LineNumber)
            .ToListAsync();
        var open = lines.Where(l => l.IsMatchCandidate && l.Status == BankLineStatus.Unprocessed).ToList();
        if (open.Count == 0)
            return new ImportDetails(import, lines.Select(l => new ImportLineRow(l, null)).ToList(), 0, 0, 0);

        var (invoices, numbers) = await OpenInvoicesAsync();
        var aliases = await db.PayerAliases.AsNoTracking()
            .Select(a => new { a.PayerName, a.MemberId }).ToListAsync();
        var credits = open.Select(l => new BankCredit(l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), l.BookedOn, l.Credit.Value, l.PayerName)).ToList();
        var proposals = PaymentMatcher.Propose(credits, invoices, aliases.Select(a => new MatchAlias(a.PayerName, a.MemberId)).ToList())
            .ToDictionary(p => p.CreditId);

        var memberIds = proposals.Values.Select(p => p.Candidates.FirstOrDefault()?.MemberId).OfType<long>().Distinct().ToList();
        // One array parameter (not EF 10's default of one SQL parameter per id) for thousands of ids.
        var members = (await db.Members.AsNoTracking().Where(m => EF.Parameter(memberIds).Contains(m.Id))
                .Select(m => new ProposedMember(m.Id, m.MemberNumber, m.Name)).ToListAsync())
            .ToDictionary(m => m.MemberId);

        var rows = lines.Select(l =>
        {
            if (!proposals.TryGetValue(l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), out var p)) return new ImportLineRow(l, null);
            var best = p.Candidates.FirstOrDefault();
            var proposal = best is null
                ? new LineProposal(null, [], 0, false, 0, 0, 0)
                : new LineProposal(members.GetValueOrDefault(best.MemberId),
                    best.Allocations.Select(a => (numbers.GetValueOrDefault(a.InvoiceId, "?"), a.Amount)).ToList(),
                    best.Score, p.AutoApply, p.Candidates.Count, best.Unallocated, best.Shortfall);
            return new ImportLineRow(l, proposal);
        }).ToList();
        return new ImportDetails(import, rows,
            rows.Count(r => r.Proposal is { AutoApply: true }),
            rows.Count(r => r.Proposal is { Member: not null }),
            invoices.Count);
    }

    /// <summary>未入金 and 一部入金 invoices with what the matcher needs of their members; the household from 同一世帯/配偶者 links.</summary>
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
