using System.Security.Claims;
using MemberHub.Thanks;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Mail.Thanks;

/// <summary>Sending, printing, recording and skipping thank-you notes: the staff who send mail (Admin, Staff), not the treasurer who looks.</summary>
[Authorize(Policy = AccessRules.Policies.Billing)]
public class ActModel(SendThankYousHandler handler) : PageModel
{
    public IActionResult OnGet() => Redirect("/Mail/Thanks");

    public async Task<IActionResult> OnPostEmailAsync(ThanksSelection selection, CancellationToken ct) =>
        Done(selection, await handler.SendEmailsAsync(selection, ct));

    public async Task<IActionResult> OnPostLettersAsync(ThanksSelection selection, CancellationToken ct)
    {
        var name = User.FindFirstValue(AppClaims.DisplayName) ?? User.Identity?.Name ?? "";
        return Done(selection, await handler.QueueLettersAsync(selection, User.FindFirstValue(ClaimTypes.NameIdentifier), name, ct));
    }

    public async Task<IActionResult> OnPostSkipAsync(ThanksSelection selection, CancellationToken ct) =>
        Done(selection, await handler.SkipAsync(selection, ct));

    public async Task<IActionResult> OnPostPostedAsync(long jobId, CancellationToken ct) =>
        Done(new ThanksSelection { Filter = new ThanksFilter { Channel = ThankYouChannel.Letter } }, await handler.RecordPostedAsync(jobId, ct));

    private RedirectResult Done(ThanksSelection selection, ThanksActionResult result)
    {
        TempData[result.Done ? "Flash" : "ThanksError"] = result.Message;
        var f = selection.Filter;
        var query = $"?channel={f.Channel}" + (f.Kind is { } k ? $"&kind={k}" : "") + (f.Year is { } y ? $"&year={y}" : "");
        return Redirect("/Mail/Thanks" + query);
    }
}
