namespace MemberHub.Web.Documents;

/// <summary>
/// The dues documents as PDF (A4, Japanese, fonts embedded, text extractable), made from what the database
/// holds about the invoice (the recipient copied at issue, the organisation, its bank accounts, its seal).
/// </summary>
public interface IDuesDocuments
{
    /// <summary>会費ご請求書 for one invoice.</summary>
    Task<byte[]> InvoicePdfAsync(long invoiceId, CancellationToken ct = default);

    /// <summary>
    /// Several invoices in one print-ready PDF, in the order given (the caller sorts, e.g. by postal code).
    /// Reports the number of invoices written so far; memory stays flat however many there are.
    /// </summary>
    Task WriteInvoicesAsync(IReadOnlyList<long> invoiceIds, Stream output, IProgress<int>? progress = null,
        CancellationToken ct = default);

    /// <summary>A reminder letter (督促状) for each invoice, text from the reminder-letter template, in the order given.</summary>
    Task WriteReminderLettersAsync(IReadOnlyList<long> invoiceIds, Stream output, IProgress<int>? progress = null,
        CancellationToken ct = default);
}

/// <summary>A letter to one person: the recipient block for a 長形3号 window envelope, a title and the text.</summary>
public sealed record LetterContent(
    string RecipientName,
    string? RecipientContactName,
    string Honorific,
    string? PostalCode,
    string? Address,
    DateOnly Date,
    string Title,
    string Body);

/// <summary>Letters (お礼状, 督促状, お知らせ) from the organisation, one or more pages each, in one PDF.</summary>
public interface ILetterDocuments
{
    Task WriteLettersAsync(IReadOnlyList<LetterContent> letters, Stream output, IProgress<int>? progress = null,
        CancellationToken ct = default);
}
