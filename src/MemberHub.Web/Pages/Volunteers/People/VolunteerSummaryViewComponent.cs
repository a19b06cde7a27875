using Microsoft.AspNetCore.Mvc;

namespace MemberHub.Web.Pages.Volunteers.People;

/// <summary>The volunteer section of a member's page (hours, history, loans), so the member page needs only one line for it.</summary>
public sealed class VolunteerSummaryViewComponent(VolunteerHistoryQuery history, VolunteerProfileHandler profiles) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long memberId)
    {
        var profile = await profiles.LoadAsync(memberId);
        if (profile is null) return Content("");
        return View("~/Pages/Volunteers/People/_VolunteerSummary.cshtml", (profile, await history.RunAsync(memberId)));
    }
}
