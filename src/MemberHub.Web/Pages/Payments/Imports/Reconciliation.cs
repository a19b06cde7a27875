using System.Globalization;
using MemberHub.Banking;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using MemberHub.Payments;
using Microsoft.EntityFrameworkCore;
using BankStatementLine = MemberHub.Banking.BankStatementLine;
using MatchAlias = MemberHub.Payments.PayerAlias;
using OpenInvoice = MemberHub.Payments.OpenInvoice;

namespace MemberHub.Web.Pages.Payments.Imports;

/// <summary>What the matcher is given: today's open invoices, remembered payers and the whole register.</summary>
public sealed record MatchingInputs(
    IReadOnlyList<OpenInvoice> Invoices,
    IReadOnlyDictionary<long, string> InvoiceNumbers,
    IReadOnlyList<MatchAlias> Aliases,
    IReadOnlyList<RegisteredMember> Register,
    MatchOptions Options)
{
    public IReadOnlyList<MatchProposal> Propose(IReadOnlyList<BankStatementLine> lines) =>
        PaymentMatcher.Propose(lines.Select(ToCredit).ToList(), Invoices, Aliases, Options, Register);

    public static BankCredit ToCredit(BankStatementLine l) =>
        new(l.Id.ToString(CultureInfo.InvariantCulture), l.BookedOn, l.Credit.Value, l.PayerName);
}

/// <summary>Loads <see cref="MatchingInputs"/>: one query each for invoices, households, aliases, the register and the organisation's automatic posting mode.</summary>
public sealed class MatchingInputsQuery(MemberHubDbContext db, ImportDetailsQuery openInvoices)
{
    public async Task<MatchingInputs> LoadAsync(CancellationToken ct = default)
    {
        var (invoices, numbers) = await openInvoices.OpenInvoicesAsync();
        var aliases = await db.PayerAliases.AsNoTracking().Select(a => new MatchAlias(a.PayerName, a.MemberId)).ToListAsync(ct);
        var register = (await db.Members.AsNoTracking().Select(m => new { m.Id, m.MemberNumber, m.NameKana }).ToListAsync(ct))
            .Select(m => new RegisteredMember(m.Id, m.MemberNumber.ToString(CultureInfo.InvariantCulture), m.NameKana)).ToList();
        var mode = await db.OrganisationSettings.AsNoTracking().OrderBy(o => o.Id).Select(o => (AutoPostingMode?)o.AutoPosting).FirstOrDefaultAsync(ct);
        return new MatchingInputs(invoices, numbers, aliases, register, MatchOptions.For(mode ?? AutoPostingMode.Standard));
    }
}

public sealed record AllocationView(long InvoiceId, string InvoiceNumber, long Amount, long? ForMemberId);

public sealed record CandidateView(long MemberId, int MemberNumber, string MemberName, IReadOnlyList<AllocationView> Allocations,
    double Score, long Unallocated, long Shortfall, IReadOnlyList<string> Reasons);

public sealed record PostedPart(string Label, long Amount);

/// <summary>The live payment of a processed line: to whom, how it was used, and who posted it.</summary>
public sealed record PostedView(long PaymentId, long? MemberId, int? MemberNumber, string? MemberName, IReadOnlyList<PostedPart> Parts,
    DateTime CreatedAt, string CreatedByName);

public sealed record LineView(BankStatementLine Line, IReadOnlyList<CandidateView> Candidates, bool AutoApply, PostedView? Posted)
{
    public CandidateView? First => Candidates.Count > 0 ? Candidates[0] : null;
}

/// <summary>One import as the treasurer works through it, in groups.</summary>
public sealed record ReconciliationView(
    BankImport Import,
    IReadOnlyList<LineView> Automatic,
    IReadOnlyList<LineView> Suggested,
    IReadOnlyList<LineView> Unmatched,
    IReadOnlyList<LineView> Done,
    IReadOnlyList<LineView> Other,
    int OpenInvoices)
{
    public string? Message { get; init; }
    public bool MessageIsError { get; init; }
    public bool CanPost { get; init; }

    /// <summary>
    /// Rows shown per group. A 10,000-line import would otherwise be a page of several megabytes, rendered again after
    /// every confirmation; the counts are always the whole group's.
    /// </summary>
    public int RowsShown { get; init; } = DefaultRowsShown;

    public const int DefaultRowsShown = 200;
    public const int MaxRowsShown = 100_000;

    public static int ClampRows(int? show) => Math.Clamp(show ?? DefaultRowsShown, DefaultRowsShown, MaxRowsShown);
}

/// <summary>
/// The reconciliation screen of one import: lines posted automatically, lines with suggestions (the matcher's
/// candidates for lines still 未処理, against today's open invoices), lines with none, lines decided by a person,
/// and withdrawals, fees and cancellations (shown, never matched).
/// </summary>
public sealed class ReconciliationQuery(MemberHubDbContext db, MatchingInputsQuery loader)
{
    public async Task<ReconciliationView?> RunAsync(long importId, CancellationToken ct = default)
    {
        var import = await db.BankImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId, ct);
        if (import is null) return null;
        var lines = await db.BankStatementLines.AsNoTracking().Where(l => l.BankImportId == importId)
            .OrderBy(l => l.BookedOn).ThenBy(l => l.LineNumber).ToListAsync(ct);

        var open = lines.Where(l => l.IsMatchCandidate && l.Status == BankLineStatus.Unprocessed).ToList();
        var inputs = open.Count > 0 ? await loader.LoadAsync(ct) : null;
        var proposals = inputs?.Propose(open).ToDictionary(p => p.CreditId) ?? [];

        var posted = await PostedAsync(importId, ct);
        var memberIds = proposals.Values.SelectMany(p => p.Candidates.Select(c => c.MemberId))
            .Concat(posted.Values.Select(p => p.MemberId).OfType<long>()).Distinct().ToList();
        var members = (await db.Members.AsNoTracking().Where(m => EF.Parameter(memberIds).Contains(m.Id))
                .Select(m => new { m.Id, m.MemberNumber, m.Name }).ToListAsync(ct))
            .ToDictionary(m => m.Id);
        var numbers = inputs?.InvoiceNumbers ?? new Dictionary<long, string>();
        var invoiceMembers = inputs?.Invoices.ToDictionary(i => i.InvoiceId, i => i.MemberId) ?? [];

        List<LineView> automatic = [], suggested = [], unmatched = [], done = [], other = [];
        foreach (var line in lines)
        {
            var key = line.Id.ToString(CultureInfo.InvariantCulture);
            if (proposals.TryGetValue(key, out var proposal))
            {
                var candidates = proposal.Candidates.Where(c => members.ContainsKey(c.MemberId)).Select(c =>
                {
                    var m = members[c.MemberId];
                    return new CandidateView(c.MemberId, m.MemberNumber, m.Name,
                        c.Allocations.Select(a => new AllocationView(a.InvoiceId, numbers.GetValueOrDefault(a.InvoiceId, "?"), a.Amount,
                            invoiceMembers.TryGetValue(a.InvoiceId, out var owner) && owner != c.MemberId ? owner : null)).ToList(),
                        c.Score, c.Unallocated, c.Shortfall, ReasonLabels.Of(c.Reasons));
                }).ToList();
                var view = new LineView(line, candidates, proposal.AutoApply, null);
                (candidates.Count > 0 ? suggested : unmatched).Add(view);
                continue;
            }
            var payment = posted.GetValueOrDefault(line.Id);
            if (payment is not null && members.TryGetValue(payment.MemberId ?? 0, out var pm))
                payment = payment with { MemberNumber = pm.MemberNumber, MemberName = pm.Name };
            var row = new LineView(line, [], false, payment);
            if (!line.IsMatchCandidate || line.Status == BankLineStatus.NotApplicable) other.Add(row);
            else if (line.Status == BankLineStatus.AutoApplied) automatic.Add(row);
            else if (line.Status == BankLineStatus.Unprocessed) unmatched.Add(row);
            else done.Add(row);
        }
        // Surest first, so the treasurer can confirm from the top.
        suggested = suggested.OrderByDescending(v => v.First!.Score).ThenBy(v => v.Line.BookedOn).ThenBy(v => v.Line.LineNumber).ToList();
        return new ReconciliationView(import, automatic, suggested, unmatched, done, other, inputs?.Invoices.Count ?? 0);
    }

    public Task<BankStatementLine?> LineAsync(long importId, long lineId, CancellationToken ct = default) =>
        db.BankStatementLines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lineId && l.BankImportId == importId, ct);

    private async Task<Dictionary<long, PostedView>> PostedAsync(long importId, CancellationToken ct)
    {
        var payments = await (
            from p in db.Payments.AsNoTracking()
            join l in db.BankStatementLines on p.BankLineId equals l.Id
            where l.BankImportId == importId && p.ReversesPaymentId == null && p.ReversedByPaymentId == null
            select new { p.Id, LineId = l.Id, p.MemberId, p.CreatedAt, p.CreatedByName }).ToListAsync(ct);
        if (payments.Count == 0) return [];
        var allocations = await (
            from a in db.PaymentAllocations.AsNoTracking()
            join p in db.Payments on a.PaymentId equals p.Id
            join l in db.BankStatementLines on p.BankLineId equals l.Id
            where l.BankImportId == importId && p.ReversesPaymentId == null && p.ReversedByPaymentId == null
            join i in db.Invoices on a.InvoiceId equals i.Id into inv
            from i in inv.DefaultIfEmpty()
            select new { a.PaymentId, a.Kind, a.Amount, InvoiceNumber = i == null ? null : i.InvoiceNumber }).ToListAsync(ct);
        var parts = allocations.GroupBy(a => a.PaymentId).ToDictionary(g => g.Key,
            g => g.Select(a => new PostedPart(a.InvoiceNumber ?? LedgerLabels.Of(a.Kind), a.Amount.Value)).ToList());
        return payments.ToDictionary(p => p.LineId,
            p => new PostedView(p.Id, p.MemberId, null, null, parts.GetValueOrDefault(p.Id) ?? [], p.CreatedAt, p.CreatedByName));
    }
}

/// <summary>The matcher's reasons in words for the page.</summary>
public static class ReasonLabels
{
    private static readonly (MatchReasons Reason, string Label)[] Labels =
    [
        (MatchReasons.MemberNumber, "会員番号"),
        (MatchReasons.InvoiceNumber, "請求番号"),
        (MatchReasons.RememberedPayer, "記憶した振込人"),
        (MatchReasons.FullName, "氏名が一致"),
        (MatchReasons.FamilyName, "姓が一致"),
        (MatchReasons.SimilarName, "似た氏名"),
        (MatchReasons.ConflictingEvidence, "別の会員の可能性"),
        (MatchReasons.ContestedInBatch, "同じ請求への振込が他にも"),
        (MatchReasons.ExactOneInvoice, "請求額と一致"),
        (MatchReasons.ExactAllInvoices, "未納全額と一致"),
        (MatchReasons.ExactOldestInvoices, "古い未納分と一致"),
        (MatchReasons.ExactHousehold, "世帯分と一致"),
        (MatchReasons.FeeDeducted, "手数料差引？"),
        (MatchReasons.Surplus, "金額が多い"),
        (MatchReasons.PartialPayment, "一部入金"),
        (MatchReasons.NothingOpen, "未納なし"),
    ];

    public static IReadOnlyList<string> Of(MatchReasons reasons) =>
        Labels.Where(l => (reasons & l.Reason) != 0).Select(l => l.Label).ToList();
}

/// <summary>A member found by the search on the 未照合 group, with what they have open.</summary>
public sealed record SearchMember(long MemberId, int MemberNumber, string Name, string NameKana, IReadOnlyList<SearchInvoice> Invoices);

public sealed record SearchResultsView(long ImportId, BankStatementLine Line, string Query, IReadOnlyList<SearchMember> Members);

public sealed record SearchInvoice(long InvoiceId, string InvoiceNumber, int FiscalYear, long Balance);

/// <summary>Any member (number, name or reading) or invoice (number), for assigning a line by hand.</summary>
public sealed class MemberInvoiceSearchQuery(MemberHubDbContext db)
{
    public async Task<IReadOnlyList<SearchMember>> RunAsync(string? q, CancellationToken ct = default)
    {
        var term = q?.Trim() ?? "";
        if (term.Length == 0) return [];
        var kana = PayerNameNormalizer.ForMatching(term);
        var number = int.TryParse(term.TrimStart('0').Length == 0 ? "0" : term, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        var byInvoice = await db.Invoices.AsNoTracking().Where(i => i.InvoiceNumber == term).Select(i => i.MemberId).ToListAsync(ct);
        var found = await db.Members.AsNoTracking()
            .Where(m => m.MemberNumber == number || byInvoice.Contains(m.Id) || m.Name.Contains(term) || m.NameKana.Contains(term))
            .OrderBy(m => m.MemberNumber).Take(10)
            .Select(m => new { m.Id, m.MemberNumber, m.Name, m.NameKana }).ToListAsync(ct);
        if (found.Count == 0 && kana.Length >= 2)
        {
            // The reading as the bank writes it (ﾔﾏﾀﾞ ﾀﾛｳ): compare loose keys in memory over the register's readings.
            var all = await db.Members.AsNoTracking().Select(m => new { m.Id, m.MemberNumber, m.Name, m.NameKana }).ToListAsync(ct);
            found = all.Where(m => PayerNameNormalizer.ForMatching(m.NameKana).Contains(kana, StringComparison.Ordinal))
                .OrderBy(m => m.MemberNumber).Take(10).ToList();
        }
        var ids = found.Select(m => m.Id).ToList();
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => ids.Contains(i.MemberId) && (i.Status == InvoiceStatus.Unpaid || i.Status == InvoiceStatus.PartlyPaid))
            .OrderBy(i => i.FiscalYear).ThenBy(i => i.DueOn)
            .Select(i => new { i.Id, i.MemberId, i.InvoiceNumber, i.FiscalYear, i.Total, i.PaidAmount }).ToListAsync(ct);
        return found.Select(m => new SearchMember(m.Id, m.MemberNumber, m.Name, m.NameKana,
            invoices.Where(i => i.MemberId == m.Id && i.Total.Value > i.PaidAmount.Value)
                .Select(i => new SearchInvoice(i.Id, i.InvoiceNumber, i.FiscalYear, i.Total.Value - i.PaidAmount.Value)).ToList())).ToList();
    }
}
