using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.FollowUp.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp;

/// <summary>Marks an item of today's list done in place: htmx gets the list again (without the item), a plain form goes back to ホーム.</summary>
[Authorize(Policy = AccessRules.Policies.MemberEditing)]
public class DoneModel(TodayActionsHandler actions, TaskHandler tasks, TodayQuery today) : PageModel
{
    public IActionResult OnGet() => Redirect("/FollowUp");

    public async Task<IActionResult> OnPostBirthdayAsync(long memberId, DateOnly on) =>
        await AfterAsync(await actions.BirthdayCardSentAsync(memberId, on), "誕生日カードの送付を記録しました。");

    public async Task<IActionResult> OnPostAnniversaryAsync(long memberId, DateOnly on) =>
        await AfterAsync(await actions.AnniversaryCardSentAsync(memberId, on), "入会記念日のお礼状の送付を記録しました。");

    public async Task<IActionResult> OnPostContactAsync(long id) =>
        await AfterAsync(await actions.ContactFollowUpDoneAsync(id), "フォローを完了にしました。");

    public async Task<IActionResult> OnPostTaskAsync(long id) =>
        await AfterAsync(await tasks.CompleteAsync(id) is TaskChange.Done, "タスクを完了にしました。");

    private async Task<IActionResult> AfterAsync(bool done, string message)
    {
        if (!Request.IsHtmx())
        {
            TempData[done ? "Flash" : "FlashError"] = done ? message : "この項目は見つからないか、すでに対応済みです。";
            return Redirect("/FollowUp");
        }
        Response.Headers["HX-Trigger"] = "today-changed";
        return Partial("_TodayList", await today.ForUserAsync(User));
    }
}
