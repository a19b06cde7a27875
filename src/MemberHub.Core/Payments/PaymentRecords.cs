namespace MemberHub.Payments;

/// <summary>
/// One incoming payment (入金) as the bank reported it. <paramref name="Id"/> is the line's natural key:
/// the same line read from another download of the same data has the same Id, so a second import changes nothing.
/// </summary>
public sealed record BankCredit(string Id, DateOnly BookedOn, long Amount, string PayerName);

/// <summary>An invoice that still has money due, with what the matcher needs to know about its member.</summary>
public sealed record OpenInvoice(long InvoiceId, string InvoiceNumber, long MemberId, string MemberNumber,
    string MemberNameKana, long AmountDue, DateOnly IssuedOn, long? HouseholdId);

/// <summary>
/// A member of the whole register, open invoices or not: what the matcher needs to know that a name is shared
/// with someone who has nothing open (a namesake who paid already, a relative with the same reading).
/// </summary>
public sealed record RegisteredMember(long MemberId, string MemberNumber, string MemberNameKana);

/// <summary>A payer name that a person once confirmed as paying for the member (a spouse, a parent, an employer).</summary>
public sealed record PayerAlias(string PayerName, long MemberId);

/// <summary>Money from one credit put towards one invoice. Never more than the invoice still has due.</summary>
public sealed record Allocation(long InvoiceId, long Amount);

/// <summary>
/// One way to read a credit: it comes from <paramref name="MemberId"/> and pays these invoices.
/// <paramref name="Score"/> is between 0 and 1; higher is more likely.
/// </summary>
public sealed record MatchCandidate(long MemberId, IReadOnlyList<Allocation> Allocations, double Score)
{
    /// <summary>Why the member was proposed, and how the amount fits.</summary>
    public MatchReasons Reasons { get; init; }

    /// <summary>Part of the credit that no open invoice takes (a donation, an overpayment, a duplicate).</summary>
    public long Unallocated { get; init; }

    /// <summary>
    /// How much less than the fitting invoices the credit is (a bank fee the payer deducted, a partial payment).
    /// The allocations hold what was paid; closing the rest (write-off of the fee) needs a person.
    /// </summary>
    public long Shortfall { get; init; }
}

/// <summary>
/// The matcher's answer for one credit: candidates best first (possibly none).
/// <paramref name="AutoApply"/>: the first candidate is safe to post without a person looking.
/// </summary>
public sealed record MatchProposal(string CreditId, IReadOnlyList<MatchCandidate> Candidates, bool AutoApply);

/// <summary>The evidence behind a candidate, for the reconciliation page to explain itself.</summary>
[Flags]
public enum MatchReasons
{
    None = 0,
    /// <summary>The member number stands in the payer name.</summary>
    MemberNumber = 1 << 0,
    /// <summary>An invoice number of the member stands in the payer name.</summary>
    InvoiceNumber = 1 << 1,
    /// <summary>The payer name was confirmed for this member before.</summary>
    RememberedPayer = 1 << 2,
    /// <summary>The payer name is the member's name (furigana).</summary>
    FullName = 1 << 3,
    /// <summary>The payer name begins with the member's family name (a spouse, a parent).</summary>
    FamilyName = 1 << 4,
    /// <summary>The payer name resembles the member's name (a typo, a different spelling, a cut-off name).</summary>
    SimilarName = 1 << 5,
    /// <summary>The payer name is shared by other members or remembered for several members.</summary>
    SharedName = 1 << 6,
    /// <summary>The payer name belongs to another member more than to this one (a number typo, a payer for someone else).</summary>
    ConflictingEvidence = 1 << 7,
    /// <summary>Other transfers in the same file claim the same invoice (the member's own and a relative's, say): together more than is due.</summary>
    ContestedInBatch = 1 << 8,

    /// <summary>The amount is exactly one open invoice.</summary>
    ExactOneInvoice = 1 << 10,
    /// <summary>The amount is exactly all open invoices of the member (arrears and this year).</summary>
    ExactAllInvoices = 1 << 11,
    /// <summary>The amount is exactly the oldest few open invoices, not all.</summary>
    ExactOldestInvoices = 1 << 12,
    /// <summary>The amount is exactly the open invoices of the member's household.</summary>
    ExactHousehold = 1 << 13,
    /// <summary>The amount is a little short, as when the payer deducts the bank fee.</summary>
    FeeDeducted = 1 << 14,
    /// <summary>The amount is more than everything open (a donation or an overpayment).</summary>
    Surplus = 1 << 15,
    /// <summary>The amount fits no pattern; paid oldest invoices first as far as it goes.</summary>
    PartialPayment = 1 << 16,
    /// <summary>The member has nothing open (or this batch already used it up).</summary>
    NothingOpen = 1 << 17,
}
