using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Volunteers.Goals;

public class IndexModel(GoalsHandler handler) : PageModel
{
    public List<GoalView> Goals { get; private set; } = [];

    public async Task OnGetAsync() => Goals = await handler.ListAsync();

    public async Task<IActionResult> OnPostAddAsync(GoalForm form) => Back(await handler.AddAsync(form), "目標を作成しました。");

    public async Task<IActionResult> OnPostAmountAsync(long id, long amount) => Back(await handler.SetAmountAsync(id, amount), "集まった金額を更新しました。");

    private RedirectResult Back(string? error, string ok)
    {
        TempData[error is null ? "Flash" : "FlashError"] = error ?? ok;
        return Redirect("/Volunteers/Goals");
    }
}
