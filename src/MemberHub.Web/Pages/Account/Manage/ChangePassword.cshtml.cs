using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Account.Manage;

public class ChangePasswordModel(ChangePasswordHandler handler) : PageModel
{
    [BindProperty]
    public ChangePasswordRequest Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = await handler.HandleAsync(User, Input);
        if (errors.Count == 0)
        {
            TempData["Flash"] = "パスワードを変更しました。";
            return RedirectToPage("./Index");
        }
        foreach (var (field, message) in errors)
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        return Page();
    }
}
