using MemberHub.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Admin.Users;

public class InviteModel(InviteUserHandler handler) : PageModel
{
    [BindProperty]
    public InviteRequest Input { get; set; } = new();

    public bool CanSendMail => handler.CanSendMail;
    public InviteResult? Result { get; private set; }

    public void OnGet(string? role)
    {
        if (role is not null && Roles.All.Contains(role)) Input.Role = role;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (result, errors) = await handler.HandleAsync(Input);
        if (result is { Sent: true })
        {
            TempData["Flash"] = $"{result.Email} に招待メールを送りました。";
            return RedirectToPage("./Index");
        }
        foreach (var (field, message) in errors)
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        // The one-time link is in this response only: it is not stored anywhere it could be shown again.
        Result = result;
        return Page();
    }
}
