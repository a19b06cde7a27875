using MemberHub.Web.Documents;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.Dues.Invoices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Documents;

/// <summary>
/// The file of a finished PDF job. The /Dues folder admits Finance (Admin, Staff, Treasurer); each kind of job
/// may ask for a narrower policy here, so a new kind cannot be downloaded by more people than it should.
/// </summary>
public class DownloadModel(DocumentJobQuery query, IAuthorizationService authorization) : PageModel
{
    private static readonly Dictionary<string, string> PolicyByKind = new(StringComparer.Ordinal)
    {
        [DocumentJobKinds.RunInvoices] = AccessRules.Policies.Finance,
        [DocumentJobKinds.ReminderLetters] = AccessRules.Policies.Finance,
        // Mailings' letters and address labels: the office that makes the mailings (addresses of many people).
        [MemberHub.Web.Pages.FollowUp.Mailings.MailingDocumentKinds.Letters] = AccessRules.Policies.MemberEditing,
        [MemberHub.Web.Pages.FollowUp.Mailings.MailingDocumentKinds.Labels] = AccessRules.Policies.MemberEditing,
        [MemberHub.Web.Pages.Mail.Thanks.ThankYouLettersProducer.JobKind] = AccessRules.Policies.Office,
        [MemberHub.Web.Pages.Payments.Receipts.AnnualCertificatesProducer.JobKind] = AccessRules.Policies.Finance,
    };

    public async Task<IActionResult> OnGetAsync(long jobId, bool inline, CancellationToken ct)
    {
        var file = await query.FileAsync(jobId, ct);
        if (file is not { } f) return NotFound();
        var policy = PolicyByKind.GetValueOrDefault(f.Kind, AccessRules.Policies.Admin);
        if (!(await authorization.AuthorizeAsync(User, policy)).Succeeded)
        {
            await f.File.DisposeAsync();
            return Forbid();
        }
        return PdfResults.File(Response, f.Name, !inline, new FileStreamResult(f.File, "application/pdf"));
    }
}
