using MemberHub.Common;
using MemberHub.Messaging;
using MemberHub.Web.Pages.Dues;

namespace MemberHub.Web.Documents;

/// <summary>The dues documents with SkiaSharp: invoices and reminder letters, one at a time or in print-ready batches.</summary>
public sealed class DuesDocuments(DocumentsQuery query, DuesMergeFieldsQuery mergeFields, PdfFonts fonts, TimeProvider clock)
    : IDuesDocuments, ILetterDocuments
{
    public async Task<byte[]> InvoicePdfAsync(long invoiceId, CancellationToken ct = default)
    {
        using var output = new MemoryStream();
        await WriteInvoicesAsync([invoiceId], output, null, ct);
        return output.ToArray();
    }

    public async Task WriteInvoicesAsync(IReadOnlyList<long> invoiceIds, Stream output, IProgress<int>? progress = null,
        CancellationToken ct = default)
    {
        var organisation = await query.OrganisationAsync(ct);
        using var book = new PdfBook(output, fonts, organisation, "会費ご請求書", clock.GetUtcNow().UtcDateTime);
        var done = 0;
        await foreach (var invoice in query.InvoicesAsync(invoiceIds, ct))
        {
            book.AddInvoice(invoice);
            done++;
            progress?.Report(done);
        }
        if (done == 0) throw new KeyNotFoundException("None of the invoices exists.");
        book.Close();
    }

    public async Task WriteReminderLettersAsync(IReadOnlyList<long> invoiceIds, Stream output, IProgress<int>? progress = null,
        CancellationToken ct = default)
    {
        var template = await query.TemplateAsync(TemplateKeys.ReminderLetter, ct)
                       ?? DefaultTemplates.All.Single(t => t.Key == TemplateKeys.ReminderLetter);
        var organisation = await query.OrganisationAsync(ct);
        var today = JapanTime.Today(clock);
        using var book = new PdfBook(output, fonts, organisation, template.Subject, clock.GetUtcNow().UtcDateTime);
        var done = 0;
        foreach (var chunk in invoiceIds.Chunk(DocumentsQuery.ChunkSize))
        {
            var fields = await mergeFields.ForInvoicesAsync(chunk, ct);
            var recipients = await query.RecipientsAsync(chunk, ct);
            foreach (var id in chunk)
            {
                if (!fields.TryGetValue(id, out var values) || !recipients.TryGetValue(id, out var recipient)) continue;
                book.AddLetter(new LetterPrint(recipient, today, TemplateText.Render(template.Subject, values), TemplateText.Render(template.Body, values)));
                done++;
                progress?.Report(done);
            }
        }
        if (done == 0) throw new KeyNotFoundException("None of the invoices exists.");
        book.Close();
    }

    public async Task WriteLettersAsync(IReadOnlyList<LetterContent> letters, Stream output, IProgress<int>? progress = null,
        CancellationToken ct = default)
    {
        var organisation = await query.OrganisationAsync(ct);
        using var book = new PdfBook(output, fonts, organisation, letters.Count > 0 ? letters[0].Title : "", clock.GetUtcNow().UtcDateTime);
        var done = 0;
        foreach (var l in letters)
        {
            ct.ThrowIfCancellationRequested();
            book.AddLetter(new LetterPrint(new RecipientPrint(l.RecipientName, l.RecipientContactName, l.Honorific, l.PostalCode, l.Address),
                l.Date, l.Title, l.Body));
            done++;
            progress?.Report(done);
        }
        if (done == 0) book.AddPage(_ => { });
        book.Close();
    }
}
