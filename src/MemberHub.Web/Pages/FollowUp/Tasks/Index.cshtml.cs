using System.Security.Claims;
using MemberHub.FollowUp;
using MemberHub.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Tasks;

public class IndexModel(TaskListQuery query) : PageModel
{
    public TaskListView View { get; private set; } = null!;

    public async Task OnGetAsync(string? who, FollowUpTaskStatus status = FollowUpTaskStatus.Open)
    {
        var office = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Staff);
        // The treasurer has no tasks of their own: they see everybody's.
        View = await query.RunAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), office ? who : "all",
            Enum.IsDefined(status) ? status : FollowUpTaskStatus.Open, office, office);
    }
}
