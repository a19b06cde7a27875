using MemberHub.Data;
using MemberHub.Web.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace MemberHub.Web.Pages.Dues.Invoices;

/// <summary>One invoice as PDF, for the office (any invoice) or for a volunteer on マイページ (their own only).</summary>
public sealed class InvoicePdfQuery(MemberHubDbContext db, IDuesDocuments documents)
{
    /// <summary>The PDF and its file name, or null when there is no such invoice.</summary>
    public async Task<(byte[] Pdf, string FileName)?> ForOfficeAsync(long id, CancellationToken ct = default)
    {
        var number = await db.Invoices.Where(i => i.Id == id).Select(i => i.InvoiceNumber).SingleOrDefaultAsync(ct);
        return number is null ? null : (await documents.InvoicePdfAsync(id, ct), FileName(number));
    }

    /// <summary>Only when the invoice is for the member linked to this user; otherwise null (shown as 404, not 403, so ids reveal nothing).</summary>
    public async Task<(byte[] Pdf, string FileName)?> ForUserAsync(long id, string userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId)) return null;
        var number = await db.Invoices.Where(i => i.Id == id)
            .Join(db.Members, i => i.MemberId, m => m.Id, (i, m) => new { i.InvoiceNumber, m.UserId })
            .Where(x => x.UserId == userId)
            .Select(x => x.InvoiceNumber).SingleOrDefaultAsync(ct);
        return number is null ? null : (await documents.InvoicePdfAsync(id, ct), FileName(number));
    }

    public static string FileName(string invoiceNumber) => $"会費請求書_{invoiceNumber}.pdf";
}

public static class PdfResults
{
    /// <summary>A PDF shown in the browser (inline) or saved (attachment), with its Japanese file name (RFC 5987).</summary>
    public static IActionResult File(HttpResponse response, byte[] pdf, string fileName, bool download) =>
        File(response, fileName, download, new FileContentResult(pdf, "application/pdf"));

    /// <summary>"?download=1" (or true) asks for a download.</summary>
    public static bool IsYes(string? value) => value is "1" || bool.TryParse(value, out var b) && b;

    public static IActionResult File(HttpResponse response, string fileName, bool download, FileResult result)
    {
        var disposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return result;
    }

}
