using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Mail;

public class DetailsModel(OutboxListQuery query, IAuthorizationService authorization) : PageModel
{
    public OutboxMessageView View { get; private set; } = null!;
    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var view = await query.DetailsAsync(id);
        if (view is null) return NotFound();
        View = view;
        CanChange = (await authorization.AuthorizeAsync(User, AccessRules.Policies.Billing)).Succeeded;
        return Page();
    }
}
