using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Admin.Users;

public class EditModel(UserDetailQuery query, ChangeUserRolesHandler roles, UserActivationHandler activation, IssuePasswordResetHandler reset) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    public UserDetail Detail { get; private set; } = null!;
    public PasswordResetResult? Reset { get; private set; }

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public async Task<IActionResult> OnPostRolesAsync() =>
        await DoneAsync(await roles.HandleAsync(Id, SelectedRoles), "役割を変更しました。5分以内に反映されます。");

    public async Task<IActionResult> OnPostDeactivateAsync() =>
        await DoneAsync(await activation.HandleAsync(Id, active: false), "利用停止にしました。");

    public async Task<IActionResult> OnPostReactivateAsync() =>
        await DoneAsync(await activation.HandleAsync(Id, active: true), "利用を再開しました。");

    public async Task<IActionResult> OnPostResetLinkAsync()
    {
        Reset = await reset.HandleAsync(Id);
        if (Reset.Sent)
        {
            TempData["Flash"] = "パスワード再設定のご案内をメールで送りました。";
            return RedirectToPage(new { Id });
        }
        if (Reset.Error is not null) ModelState.AddModelError("", Reset.Error);
        return await ShowAsync();
    }

    private async Task<IActionResult> DoneAsync(string? error, string success)
    {
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            return await ShowAsync();
        }
        TempData["Flash"] = success;
        return RedirectToPage(new { Id });
    }

    private async Task<IActionResult> ShowAsync()
    {
        var detail = await query.GetAsync(Id);
        if (detail is null) return NotFound();
        Detail = detail;
        return Page();
    }
}
