using MemberHub.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Unsubscribe;

/// <summary>配信停止: open to anyone holding a valid link; GET shows the two choices, each applied only by its button (POST).</summary>
public class IndexModel(UnsubscribeHandler handler) : PageModel
{
    public UnsubscribeView View { get; private set; } = null!;
    public string? Token { get; private set; }
    public UnsubscribeChoice? Done { get; private set; }

    public async Task OnGetAsync(string? t, CancellationToken ct)
    {
        Token = t;
        View = await handler.ViewAsync(t, ct);
        if (View.Status != UnsubscribeTokenStatus.Valid) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    public Task<IActionResult> OnPostStopListAsync(string? t, CancellationToken ct) => ApplyAsync(t, UnsubscribeChoice.StopList, ct);

    public Task<IActionResult> OnPostNoBulkMailAsync(string? t, CancellationToken ct) => ApplyAsync(t, UnsubscribeChoice.NoBulkMail, ct);

    private async Task<IActionResult> ApplyAsync(string? t, UnsubscribeChoice choice, CancellationToken ct)
    {
        Token = t;
        var status = await handler.ApplyAsync(t, choice, ct);
        View = await handler.ViewAsync(t, ct);
        if (status == UnsubscribeTokenStatus.Valid) Done = choice;
        else Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
