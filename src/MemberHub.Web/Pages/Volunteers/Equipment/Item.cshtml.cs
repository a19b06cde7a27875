using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Volunteers.Equipment;

public class ItemModel(LendingHandler handler) : PageModel
{
    public ItemView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await handler.ItemAsync(id) is not { } view) return NotFound();
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostRetireAsync(long id, bool retired)
    {
        var error = await handler.RetireAsync(id, retired);
        TempData[error is null ? "Flash" : "FlashError"] = error ?? (retired ? "廃棄にしました。" : "在庫に戻しました。");
        return Redirect($"/Volunteers/Equipment/Item/{id}");
    }
}
