using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Tasks;

/// <summary>完了 and 取りやめ from the task list: htmx removes the row; a plain form returns to the list with a message.</summary>
[Authorize(Policy = AccessRules.Policies.MemberEditing)]
public class ChangeModel(TaskHandler handler) : PageModel
{
    public IActionResult OnGet() => Redirect("/FollowUp/Tasks");

    public async Task<IActionResult> OnPostCompleteAsync(long id, string? returnUrl) => After(await handler.CompleteAsync(id), "タスクを完了にしました。", returnUrl);

    public async Task<IActionResult> OnPostCancelAsync(long id, string? returnUrl) => After(await handler.CancelAsync(id), "タスクを取りやめました。", returnUrl);

    private IActionResult After(TaskChange outcome, string message, string? returnUrl)
    {
        var error = outcome switch
        {
            TaskChange.Done => null,
            TaskChange.NotFound => "タスクが見つかりません。",
            TaskChange.NotOpen => "このタスクはすでに完了または取りやめになっています。",
            _ => "ほかの人が同時に変更しました。画面を開き直してください。",
        };
        if (Request.IsHtmx())
        {
            if (error is not null) return Content($"<tr><td colspan=\"6\" class=\"text-danger\">{System.Net.WebUtility.HtmlEncode(error)}</td></tr>", "text/html; charset=utf-8");
            Response.Headers["HX-Trigger"] = "tasks-changed";
            return Content("", "text/html; charset=utf-8");
        }
        TempData[error is null ? "Flash" : "FlashError"] = error ?? message;
        return Redirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/FollowUp/Tasks");
    }
}
