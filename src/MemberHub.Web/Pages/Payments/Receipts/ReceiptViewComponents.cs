using MemberHub.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MemberHub.Web.Pages.Payments.Receipts;

/// <summary>The receipts of one payment and the buttons to issue them, for the payment's page (one line there).</summary>
public sealed class PaymentReceiptsViewComponent(ReceiptListQuery query) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long paymentId)
    {
        var canIssue = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Treasurer);
        var view = await query.ForPaymentAsync(paymentId, canIssue);
        if (view is null) return Content("");
        return View("~/Pages/Payments/Receipts/_PaymentReceipts.cshtml", view);
    }
}

/// <summary>A member's receipts and certificates, and the annual donation certificate, for the member's page (one line there).</summary>
public sealed class MemberReceiptsViewComponent(ReceiptListQuery query) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long memberId)
    {
        var canIssue = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Treasurer);
        var canSee = canIssue || User.IsInRole(Roles.Staff);
        if (!canSee) return Content("");
        return View("~/Pages/Payments/Receipts/_MemberReceipts.cshtml", await query.ForMemberAsync(memberId, canIssue));
    }
}
