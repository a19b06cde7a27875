using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using MemberHub.Thanks;
using MemberHub.Web.Documents;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Payments.Receipts;

/// <summary>A receipt's PDF, or why it cannot be printed (voided, payment undone, donations changed since).</summary>
public sealed record ReceiptPdfFile(byte[]? Pdf, string FileName, string? Error);

/// <summary>
/// Prints issued receipts from the ledger as it is and the organisation as it is now; a receipt whose money has
/// changed since it was issued is refused rather than printed with figures the ledger no longer supports.
/// </summary>
public sealed class ReceiptPdfQuery(MemberHubDbContext db, ReceiptBookHandler book, DocumentsQuery documents, PdfFonts fonts, TimeProvider clock)
{
    public static string FileName(IssuedReceipt r) =>
        (r.Kind == ReceiptKind.Payment ? "領収書_" : "寄附金受領証明書_") + r.Number + ".pdf";

    public async Task<ReceiptPdfFile?> RenderAsync(long receiptId, CancellationToken ct = default)
    {
        var receipt = await db.IssuedReceipts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == receiptId, ct);
        if (receipt is null) return null;
        if (receipt.VoidedAt is not null) return new ReceiptPdfFile(null, FileName(receipt), ReceiptMessages.Voided + $"（理由：{receipt.VoidReason}）");
        if (await book.StaleReasonAsync(receipt, ct) is { } stale) return new ReceiptPdfFile(null, FileName(receipt), stale);
        var print = await PrintAsync(receipt, ct);
        using var output = new MemoryStream();
        var organisation = await documents.OrganisationAsync(ct);
        using (var pdf = new PdfBook(output, fonts, organisation, receipt.Kind == ReceiptKind.Payment ? "領収書" : "寄附金受領証明書", clock.GetUtcNow().UtcDateTime))
        {
            pdf.AddPage(c => ReceiptLayout.Draw(c, pdf, print));
            pdf.Close();
        }
        return new ReceiptPdfFile(output.ToArray(), FileName(receipt), null);
    }

    /// <summary>Several certificates in one print file (the January run), skipping any that can no longer be printed.</summary>
    public async Task WriteAsync(IReadOnlyList<long> receiptIds, Stream output, IProgress<int>? progress, CancellationToken ct = default)
    {
        var organisation = await documents.OrganisationAsync(ct);
        using var pdf = new PdfBook(output, fonts, organisation, "寄附金受領証明書", clock.GetUtcNow().UtcDateTime);
        var done = 0;
        foreach (var id in receiptIds)
        {
            ct.ThrowIfCancellationRequested();
            var receipt = await db.IssuedReceipts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
            done++;
            if (receipt is null || receipt.VoidedAt is not null || await book.StaleReasonAsync(receipt, ct) is not null)
            {
                progress?.Report(done);
                continue;
            }
            var print = await PrintAsync(receipt, ct);
            pdf.AddPage(c => ReceiptLayout.Draw(c, pdf, print));
            progress?.Report(done);
        }
        pdf.Close();
    }

    private async Task<ReceiptPrint> PrintAsync(IssuedReceipt r, CancellationToken ct)
    {
        var settings = await book.SettingsAsync(ct);
        var donor = await book.DonorAsync(r.MemberId, ct) ?? throw new InvalidOperationException("The receipt's member is gone.");
        if (r.Kind == ReceiptKind.DonationAnnual)
        {
            var (gifts, excluded) = await book.AnnualGiftsAsync(r.MemberId, r.CalendarYear!.Value, ct);
            var note = excluded.Count == 0 ? null : $"個別に寄附金受領証明書を発行済みの寄附（{string.Join("、", excluded)}）は、この証明書に含みません。";
            return new ReceiptPrint(r.Kind, r.Number, r.IssuedOn, r.IsReissue, donor.Recipient, r.Amount, "ご寄附として", null, null, [], gifts,
                r.CalendarYear, settings?.CertificationNumber, settings?.CertifiedOn, note,
                CompetentAuthority: settings?.CompetentAuthority, CertifiedUntil: settings?.CertifiedUntil);
        }

        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == r.PaymentId, ct);
        if (r.Kind == ReceiptKind.DonationGift)
            return new ReceiptPrint(r.Kind, r.Number, r.IssuedOn, r.IsReissue, donor.Recipient, r.Amount, "ご寄附として", payment.ReceivedOn, null, [],
                [new Gift(payment.Id, payment.ReceivedOn, r.Amount)], null, settings?.CertificationNumber, settings?.CertifiedOn, null,
                CompetentAuthority: settings?.CompetentAuthority, CertifiedUntil: settings?.CertifiedUntil);

        var allocations = await db.PaymentAllocations.AsNoTracking().Where(a => a.PaymentId == payment.Id).OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Kind, a.Amount,
                Invoice = db.Invoices.Where(i => i.Id == a.InvoiceId).Select(i => new { i.InvoiceNumber, i.FiscalYear, i.TaxClass }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var lines = allocations.Select(a => new ReceiptLinePrint(a.Kind switch
        {
            AllocationKind.Dues when a.Invoice is { } i => $"{i.FiscalYear}年度会費（請求書 {i.InvoiceNumber}）",
            AllocationKind.Dues => "会費",
            AllocationKind.Donation => "ご寄附",
            AllocationKind.OtherIncome => "その他のご入金",
            _ => "お預り金（返金予定）",
        }, a.Amount)).ToList();
        var purpose = ReceiptWording.Purpose(allocations.Select(a => new ReceiptPurposeLine(a.Kind, a.Invoice?.FiscalYear, a.Amount)));
        var notes = new List<string>();
        if (allocations.Any(a => a.Kind == AllocationKind.Dues))
            notes.Add(allocations.Any(a => a.Invoice?.TaxClass == TaxClass.Taxable10)
                ? "会費の消費税額等は、請求書（適格請求書）に記載のとおりです。"
                : (settings?.NonTaxableWording ?? MemberHub.Organisation.OrganisationSettings.DefaultNonTaxableWording));
        if (allocations.Any(a => a.Kind == AllocationKind.Donation))
            notes.Add("ご寄附は対価のない寄附金であり、消費税の課税対象外です。");
        return new ReceiptPrint(r.Kind, r.Number, r.IssuedOn, r.IsReissue, donor.Recipient, r.Amount, purpose, payment.ReceivedOn,
            LedgerLabels.Of(payment.Method), lines, [], null, null, null, null, string.Join("", notes));
    }
}
