using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Volunteers.Areas;

/// <summary>The admin's list of areas; admin-only by AccessRules.</summary>
public class IndexModel(ManageAreasHandler handler) : PageModel
{
    public List<AreaRow> Areas { get; private set; } = [];

    public async Task OnGetAsync() => Areas = await handler.ListAsync();

    public async Task<IActionResult> OnPostAddAsync(string? group, string? name) => Answer(await handler.AddAsync(group, name), "分野を追加しました。");

    public async Task<IActionResult> OnPostRenameAsync(long id, string? group, string? name) => Answer(await handler.RenameAsync(id, group, name), "分野を変更しました。");

    public async Task<IActionResult> OnPostRetireAsync(long id, bool retired) =>
        Answer(await handler.RetireAsync(id, retired), retired ? "分野を使わないようにしました。" : "分野をまた使えるようにしました。");

    private RedirectResult Answer(string? error, string ok)
    {
        TempData[error is null ? "Flash" : "FlashError"] = error ?? ok;
        return Redirect("/Volunteers/Areas");
    }
}
