using MemberHub.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MemberHub.Web.Pages.FollowUp.Record;

/// <summary>The supporter's record on the member page (one line there). Figures only: no personal notes, so the treasurer sees it too.</summary>
public sealed class MemberRecordViewComponent(MemberRecordQuery query) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long memberId)
    {
        var canEdit = UserClaimsPrincipal.IsInRole(Roles.Admin) || UserClaimsPrincipal.IsInRole(Roles.Staff);
        var view = await query.RunAsync(memberId, canEdit);
        return view is null ? Content("") : View("~/Pages/FollowUp/Record/_MemberRecord.cshtml", view);
    }
}
