using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Account;

public class ResetPasswordModel(ResetPasswordHandler handler) : PageModel
{
    [BindProperty]
    public ResetPasswordRequest Input { get; set; } = new();

    public bool LinkIncomplete { get; private set; }

    public void OnGet(string? userId, string? code)
    {
        Input.UserId = userId ?? "";
        Input.Code = code ?? "";
        LinkIncomplete = Input.UserId.Length == 0 || Input.Code.Length == 0;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = await handler.HandleAsync(Input);
        if (errors.Count == 0)
        {
            TempData["Flash"] = "パスワードを変更しました。新しいパスワードでログインしてください。";
            return RedirectToPage("./Login");
        }
        foreach (var (field, message) in errors)
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        return Page();
    }
}
