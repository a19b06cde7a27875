using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Admin.Tags;

public class IndexModel(ManageTagsHandler handler) : PageModel
{
    public List<TagRow> Tags { get; private set; } = [];

    public async Task OnGetAsync() => Tags = await handler.ListAsync();

    public async Task<IActionResult> OnPostRenameAsync(long id, string? name) =>
        Answer(await handler.RenameAsync(id, name), "タグの名前を変更しました。");

    public async Task<IActionResult> OnPostRemoveAsync(long id) =>
        Answer(await handler.RemoveAsync(id), "タグを削除しました。");

    private RedirectResult Answer(string? error, string ok)
    {
        TempData[error is null ? "Flash" : "FlashError"] = error ?? ok;
        return Redirect("/Admin/Tags");
    }
}
