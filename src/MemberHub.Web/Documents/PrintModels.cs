using MemberHub.Billing;
using MemberHub.Common;

namespace MemberHub.Web.Documents;

// Plain records of what a document prints: the layouts take these and know nothing of the database.

public sealed record RecipientPrint(string Name, string? ContactName, string Honorific, string? PostalCode, string? Address);

public sealed record BankAccountPrint(string BankName, string BranchName, string AccountType, string AccountNumber, string Holder);

public sealed record OrganisationPrint(
    string Name,
    string? PostalCode,
    string? Address,
    string? Phone,
    string? Email,
    string? Representative,
    byte[]? SealImage,
    string TransferInstruction,
    string NonTaxableWording,
    IReadOnlyList<BankAccountPrint> BankAccounts);

public sealed record InvoiceLinePrint(string Description, int Units, Yen UnitPrice, Yen Amount, string? Note);

public sealed record InvoicePrint(
    string InvoiceNumber,
    int FiscalYear,
    int MemberNumber,
    DateOnly IssuedOn,
    DateOnly DueOn,
    RecipientPrint Recipient,
    IReadOnlyList<InvoiceLinePrint> Lines,
    Yen Subtotal,
    Yen TaxAmount,
    Yen Total,
    TaxClass TaxClass,
    int TaxRate,
    string? TaxRegistrationNumber,
    bool Cancelled);

public sealed record LetterPrint(RecipientPrint Recipient, DateOnly Date, string Title, string Body);
