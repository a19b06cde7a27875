using System.Security.Claims;
using MemberHub.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MemberHub.Web.Pages.FollowUp.Tasks;

public sealed record MemberTasksView(long MemberId, IReadOnlyList<TaskRow> Open, bool CanAct, DateOnly Today);

/// <summary>The member's open follow-up tasks on their page (one line in Members/Details).</summary>
public sealed class MemberTasksViewComponent(TaskListQuery query, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long memberId)
    {
        var user = (ClaimsPrincipal)User;
        var office = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Staff);
        var rows = await query.OfMemberAsync(memberId, user.FindFirstValue(ClaimTypes.NameIdentifier), office);
        return View("~/Pages/FollowUp/Tasks/_MemberTasks.cshtml", new MemberTasksView(memberId, rows, office, Common.JapanTime.Today(clock)));
    }
}
