using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Volunteers.Equipment;

public class IndexModel(LendingHandler handler) : PageModel
{
    public List<ItemRow> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await handler.ItemsAsync();

    public async Task<IActionResult> OnPostAddItemAsync(string? name, string? code, string? note) =>
        Back(await handler.AddItemAsync(name, code, note), "備品を登録しました。");

    public async Task<IActionResult> OnPostLendAsync(long itemId, int memberNumber, string? lentOn, string? dueOn, string? note) =>
        Back(await handler.LendAsync(itemId, memberNumber, lentOn, dueOn, note), "貸出を記録しました。");

    public async Task<IActionResult> OnPostReturnAsync(long loanId, string? returnedOn) =>
        Back(await handler.ReturnAsync(loanId, returnedOn), "返却を記録しました。");

    private RedirectResult Back(string? error, string ok)
    {
        TempData[error is null ? "Flash" : "FlashError"] = error ?? ok;
        return Redirect("/Volunteers/Equipment");
    }
}
