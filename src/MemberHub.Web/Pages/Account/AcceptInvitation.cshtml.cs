using MemberHub.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Account;

public class AcceptInvitationModel(AcceptInvitationHandler handler) : PageModel
{
    [BindProperty]
    public AcceptInvitationRequest Input { get; set; } = new();

    public InvitationView Invitation { get; private set; } = new(null, "", "", "");

    public async Task OnGetAsync(string? token)
    {
        Invitation = await handler.FindAsync(token);
        Input.Token = token ?? "";
        Input.DisplayName = Invitation.DisplayName;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (outcome, errors) = await handler.HandleAsync(Input);
        if (outcome == AcceptOutcome.Created)
        {
            TempData["Flash"] = "アカウントを登録しました。ようこそ MemberHub へ。";
            return Redirect("/");
        }
        Invitation = await handler.FindAsync(Input.Token);
        foreach (var (field, message) in errors)
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        return Page();
    }
}
