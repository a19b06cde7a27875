using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Admin.MemberClasses;

public class IndexModel(MemberClassesHandler handler) : PageModel
{
    public List<MemberClassRow> Classes { get; private set; } = [];

    public async Task OnGetAsync() => Classes = await handler.ListAsync();

    public async Task<IActionResult> OnPostRemoveAsync(long id)
    {
        var error = await handler.RemoveAsync(id);
        TempData[error is null ? "Flash" : "FlashError"] = error ?? "会員種別を削除しました。";
        return Redirect("/Admin/MemberClasses");
    }
}
