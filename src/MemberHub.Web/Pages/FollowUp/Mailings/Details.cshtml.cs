using MemberHub.FollowUp;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.Dues.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Mailings;

/// <summary>One mailing: who it reaches and who not (and why), a preview per person, a test send, the send and its progress.</summary>
public class DetailsModel(MailingsHandler handler, DocumentJobQuery jobs) : PageModel
{
    public MailingView View { get; private set; } = null!;
    public MailPreview? Preview { get; private set; }
    public long? PreviewMemberId { get; private set; }
    public SendProgress? Progress { get; private set; }
    public DocumentJobView? Job { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long? memberId, CancellationToken ct)
    {
        if (!await LoadAsync(id, memberId, ct)) return NotFound();
        return Page();
    }

    /// <summary>The mail as the chosen person would get it (htmx swaps it in when another person is picked).</summary>
    public async Task<IActionResult> OnGetPreviewAsync(long id, long? memberId, CancellationToken ct)
    {
        Response.Headers.Vary = "HX-Request";
        var preview = await handler.PreviewAsync(id, memberId, ct);
        if (preview is null) return NotFound();
        return Partial("_MailPreview", preview);
    }

    public async Task<IActionResult> OnGetProgressAsync(long id, CancellationToken ct) =>
        Partial("_SendProgress", await handler.ProgressAsync(id, ct));

    public async Task<IActionResult> OnPostTestSendAsync(long id, long? memberId, CancellationToken ct)
    {
        var (outcome, message) = await handler.TestSendAsync(id, memberId, ct);
        if (outcome == MailingOutcome.NotFound) return NotFound();
        TempData[outcome == MailingOutcome.Done ? "Flash" : "Error"] = message;
        return Redirect($"/FollowUp/Mailings/Details?id={id}" + (memberId is { } m ? $"&memberId={m}" : ""));
    }

    public async Task<IActionResult> OnPostSendAsync(long id, CancellationToken ct)
    {
        var (outcome, message) = await handler.SendAsync(id, ct);
        if (outcome == MailingOutcome.NotFound) return NotFound();
        TempData[outcome == MailingOutcome.Done ? "Flash" : "Error"] = message;
        return Redirect($"/FollowUp/Mailings/Details?id={id}");
    }

    public async Task<IActionResult> OnPostPrintAsync(long id, string? sheet, CancellationToken ct)
    {
        var (outcome, message, _) = await handler.PrintAsync(id, sheet, ct);
        if (outcome == MailingOutcome.NotFound) return NotFound();
        TempData[outcome == MailingOutcome.Done ? "Flash" : "Error"] = message;
        return Redirect($"/FollowUp/Mailings/Details?id={id}");
    }

    private async Task<bool> LoadAsync(long id, long? memberId, CancellationToken ct)
    {
        var view = await handler.ViewAsync(id, ct);
        if (view is null) return false;
        View = view;
        if (view.Mailing.Channel == MailingChannel.Email)
        {
            PreviewMemberId = memberId ?? view.Audience.Recipients.FirstOrDefault()?.Id;
            if (PreviewMemberId is not null) Preview = await handler.PreviewAsync(id, PreviewMemberId, ct);
            if (view.Mailing.Status != MailingStatus.Draft) Progress = await handler.ProgressAsync(id, ct);
        }
        if (view.Mailing.DocumentJobId is { } jobId) Job = await jobs.GetAsync(jobId, ct);
        return true;
    }
}
