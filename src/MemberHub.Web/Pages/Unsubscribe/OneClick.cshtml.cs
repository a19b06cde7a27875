using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Unsubscribe;

/// <summary>
/// The address in the List-Unsubscribe header. Mail programs that support RFC 8058 POST
/// "List-Unsubscribe=One-Click" here, from their own servers, without our antiforgery cookie: the token in the
/// address is what authorises the request, and it can only stop mail, so the antiforgery check is waived for this
/// page alone. A GET (a person, or a scanner) leads to the page with the two choices and changes nothing.
/// </summary>
[IgnoreAntiforgeryToken]
public class OneClickModel(UnsubscribeHandler handler) : PageModel
{
    public IActionResult OnGet(string? t) => Redirect("/Unsubscribe?t=" + Uri.EscapeDataString(t ?? ""));

    public async Task<IActionResult> OnPostAsync(string? t, CancellationToken ct)
    {
        var status = await handler.ApplyAsync(t, UnsubscribeChoice.StopList, ct);
        return status == MemberHub.FollowUp.UnsubscribeTokenStatus.Valid
            ? Content("配信を停止しました。", "text/plain; charset=utf-8")
            : new ContentResult { StatusCode = StatusCodes.Status400BadRequest, Content = "このリンクは無効か、有効期限が切れています。", ContentType = "text/plain; charset=utf-8" };
    }
}
