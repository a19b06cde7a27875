using System.Security.Claims;
using MemberHub.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp;

/// <summary>着信: the navbar's phone box lands here (?phone=…); a choice from several callers comes back with ?memberId=….</summary>
public class CallerModel(CallerQuery query) : PageModel
{
    public CallerView View { get; private set; } = null!;

    public async Task OnGetAsync(string? phone, long? memberId)
    {
        var office = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Staff);
        View = await query.RunAsync(phone, memberId, User.FindFirstValue(ClaimTypes.NameIdentifier), office, office);
    }
}
