using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Mail.Templates;

public class IndexModel(MessageTemplatesHandler handler, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<TemplateRow> Templates { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        Templates = await handler.ListAsync();
        CanEdit = (await authorization.AuthorizeAsync(User, AccessRules.Policies.Billing)).Succeeded;
    }
}
