using MemberHub.Messaging;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Mail;

public class IndexModel(OutboxListQuery query, IAuthorizationService authorization) : PageModel
{
    public OutboxList List { get; private set; } = null!;
    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(OutboxStatus? status, string? category, int p = 1)
    {
        List = await query.ListAsync(status, category, p);
        CanChange = (await authorization.AuthorizeAsync(User, AccessRules.Policies.Billing)).Succeeded;
        return Page();
    }
}
