using Microsoft.AspNetCore.Mvc;

namespace MemberHub.Web.Pages.Mail.Thanks;

/// <summary>礼状 on a member's page: what was sent (or will be, or was decided against), so the member page needs one line.</summary>
public sealed class ThanksHistoryViewComponent(ThanksHistoryQuery query) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long memberId) =>
        View("~/Pages/Mail/Thanks/_ThanksHistory.cshtml", await query.ForMemberAsync(memberId));
}
