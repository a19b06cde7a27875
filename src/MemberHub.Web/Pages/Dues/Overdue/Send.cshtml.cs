using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Overdue;

/// <summary>Sends reminders for the invoices ticked on the overdue list (事務局 and Admin only).</summary>
[Authorize(Policy = AccessRules.Policies.Billing)]
public class SendModel(SendRemindersHandler handler) : PageModel
{
    public IActionResult OnGet() => Redirect("/Dues/Overdue");

    public async Task<IActionResult> OnPostAsync([FromForm] long[] ids, [FromForm] DeliveryChannel channel, [FromForm] bool lettersForNoEmail,
        [FromForm] string? back, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(ids, channel, lettersForNoEmail, ct);
        var parts = new List<string>();
        if (outcome.Error is not null) parts.Add(outcome.Error);
        if (outcome.Emailed > 0) parts.Add($"督促メール{JapaneseFormat.Number(outcome.Emailed)}件を送信待ちにしました（送信状況は「メール送信」で確認できます）。");
        if (outcome.Lettered > 0) parts.Add($"郵送の督促状{JapaneseFormat.Number(outcome.Lettered)}件を記録し、PDFの作成を開始しました（下の「督促状（郵送）」からダウンロードできます）。");
        if (outcome.LeftOut.Count > 0) parts.Add($"メールを送れないため対象外：{string.Join("、", outcome.LeftOut)}");
        TempData[outcome.Error is null ? "Flash" : "OverdueError"] = string.Join(" ", parts);
        // Back to the list as it was filtered; only a local path is accepted.
        var target = back is { Length: > 0 } && back.StartsWith("/Dues/Overdue", StringComparison.Ordinal) && !back.StartsWith("//", StringComparison.Ordinal)
            ? back : "/Dues/Overdue";
        return Redirect(target);
    }
}
