using System.Net;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Identity;
using MemberHub.Ledger;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using MemberHub.Web.Pages.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration.Collection;

public abstract class PaymentPostingTests(MemberHubFactory app)
{
    [Fact]
    public async Task The_same_payment_form_submitted_twice_records_the_money_once()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().Named("石井 千秋", "イシイ チアキ").CreateAsync(app);
        var invoice = await app.InvoiceAsync(member, 2026, 5_000);
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var page = $"/Payments/Manual?memberId={member.Id}";
        var form = await treasurer.Http.GetDocumentAsync(page);
        var values = new Dictionary<string, string> { ["Input.Amount"] = "5000", ["Input.Method"] = nameof(PaymentMethod.Cash) };

        (await treasurer.Http.SubmitFormAsync(form, page, values, "#payment-form")).AssertRedirectTo($"/Payments/Manual?memberId={member.Id}");
        var again = await treasurer.Http.SubmitFormAsync(form, page, values, "#payment-form");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("この入金はすでに記録されています", await again.BodyAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Payments.CountAsync(p => p.MemberId == member.Id)));
        Assert.Equal(InvoiceStatus.Paid, (await app.ReadInvoiceAsync(invoice.Id)).Status);
    }

    [Fact]
    public async Task Treasurer_records_cash_first_in_part_then_in_full_and_more_than_the_balance_is_refused()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().Named("山本 和子", "ヤマモト カズコ").CreateAsync(app);
        var invoice = await app.InvoiceAsync(member, 2026, 5_000);
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var page = $"/Payments/Manual?memberId={member.Id}";

        var form = await treasurer.Http.GetDocumentAsync(page);
        Assert.Contains(invoice.InvoiceNumber, form.QuerySelector("#open-invoices")!.TextContent);

        var part = await treasurer.Http.SubmitFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Amount"] = "３，０００", ["Input.Method"] = nameof(PaymentMethod.Cash), ["Input.Invoices[0].Amount"] = "3000", ["Input.Note"] = "事務所にて受領",
        }, "#payment-form");
        part.AssertRedirectTo($"/Payments/Manual?memberId={member.Id}");
        var afterPart = await app.ReadInvoiceAsync(invoice.Id);
        Assert.Equal(3_000, afterPart.PaidAmount.Value);
        Assert.Equal(InvoiceStatus.PartlyPaid, afterPart.Status);
        var list = await treasurer.Http.GetDocumentAsync(page);
        Assert.Contains("一部入金", list.QuerySelector("#open-invoices")!.TextContent);
        Assert.Contains("2,000円", list.QuerySelector("#open-invoices")!.TextContent);

        var over = await treasurer.Http.SubmitFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Amount"] = "5000", ["Input.Invoices[0].Amount"] = "5000",
        }, "#payment-form");
        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        Assert.Contains("未納額（2,000円）を超えています", await over.BodyAsync());
        Assert.Equal(3_000, (await app.ReadInvoiceAsync(invoice.Id)).PaidAmount.Value);

        // Nothing typed per invoice: oldest first, the rest as a donation.
        var rest = await treasurer.Http.SubmitFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Amount"] = "2500", ["Input.RestAs"] = nameof(AllocationKind.Donation),
        }, "#payment-form");
        rest.AssertRedirectTo("/Payments/Manual");
        var paid = await app.ReadInvoiceAsync(invoice.Id);
        Assert.Equal(5_000, paid.PaidAmount.Value);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        var last = await app.WithDbAsync(db => db.Payments.Include(p => p.Allocations).Where(p => p.MemberId == member.Id).OrderByDescending(p => p.Id).FirstAsync());
        Assert.Equal(2_500, last.Amount.Value);
        Assert.Equal(treasurer.User.Id, last.CreatedByUserId);
        Assert.Contains(last.Allocations, a => a.Kind == AllocationKind.Dues && a.InvoiceId == invoice.Id && a.Amount.Value == 2_000);
        Assert.Contains(last.Allocations, a => a.Kind == AllocationKind.Donation && a.Amount.Value == 500 && a.MemberId == member.Id);

        // Audited, with the treasurer as actor: the payment and the invoice's change of status.
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Payment" && a.EntityId == last.Id.ToString() && a.UserId == treasurer.User.Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Invoice" && a.EntityId == invoice.Id.ToString()
            && a.Field == "Status" && a.After == nameof(InvoiceStatus.Paid) && a.UserId == treasurer.User.Id)));

        // The payment's own page shows its allocations.
        var details = await treasurer.Http.GetDocumentAsync($"/Payments/Details/{last.Id}");
        Assert.Contains(invoice.InvoiceNumber, details.QuerySelector("#allocations")!.TextContent);
        Assert.Contains("寄附", details.QuerySelector("#allocations")!.TextContent);
    }

    [Fact]
    public async Task Invalid_input_is_shown_beside_the_fields()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(app);
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var response = await treasurer.Http.SubmitFormAsync($"/Payments/Manual?memberId={member.Id}", new Dictionary<string, string>
        {
            ["Input.Amount"] = "五千円", ["Input.ReceivedOn"] = "2026-12-24",
        }, "#payment-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Contains("入金額は 5,000 のように", body);
        Assert.Contains("未来の日付", body);
        Assert.False(await app.WithDbAsync(db => db.Payments.AnyAsync(p => p.MemberId == member.Id)));
    }

    [Fact]
    public async Task Reversal_restores_the_invoice_and_a_second_reversal_is_refused()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(app);
        var invoice = await app.InvoiceAsync(member, 2026, 6_000);
        var posted = await app.PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(2026, 11, 20), 6_000, (invoice.Id, 6_000)));
        Assert.True(posted.Succeeded, string.Join(" ", posted.Errors));
        Assert.Equal(InvoiceStatus.Paid, (await app.ReadInvoiceAsync(invoice.Id)).Status);

        var admin = await app.SignInAsAsync(Roles.Admin);
        var noReason = await admin.Http.SubmitFormAsync($"/Payments/Reverse/{posted.PaymentId}", new Dictionary<string, string> { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("取消の理由を入力してください", await noReason.BodyAsync());

        var reversed = await admin.Http.SubmitFormAsync($"/Payments/Reverse/{posted.PaymentId}", new Dictionary<string, string> { ["Reason"] = "別の会員の入金と取り違えたため" });
        reversed.AssertRedirectTo($"/Payments/Details/{posted.PaymentId}");
        var restored = await app.ReadInvoiceAsync(invoice.Id);
        Assert.Equal(0, restored.PaidAmount.Value);
        Assert.Equal(InvoiceStatus.Unpaid, restored.Status);
        Assert.Equal(new Yen(6_000), restored.Balance);

        var (original, reversal) = await app.WithDbAsync(async db => (
            await db.Payments.AsNoTracking().SingleAsync(p => p.Id == posted.PaymentId),
            await db.Payments.AsNoTracking().Include(p => p.Allocations).SingleAsync(p => p.ReversesPaymentId == posted.PaymentId)));
        Assert.Equal(reversal.Id, original.ReversedByPaymentId);
        Assert.Equal(-6_000, reversal.Amount.Value);
        Assert.Equal(-6_000, Assert.Single(reversal.Allocations).Amount.Value);
        Assert.Equal("別の会員の入金と取り違えたため", reversal.ReversalReason);
        Assert.Equal(admin.User.Id, reversal.CreatedByUserId);

        var details = await admin.Http.GetDocumentAsync($"/Payments/Details/{posted.PaymentId}");
        Assert.NotNull(details.QuerySelector("#reversed-badge"));
        Assert.Contains("別の会員の入金と取り違えたため", details.QuerySelector("#reversal")!.TextContent);

        var twice = await admin.Http.SubmitFormAsync($"/Payments/Reverse/{posted.PaymentId}", new Dictionary<string, string> { ["Reason"] = "もう一度" });
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("すでに取り消されています", await twice.BodyAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Payments.CountAsync(p => p.ReversesPaymentId == posted.PaymentId)));
        Assert.Equal(0, (await app.ReadInvoiceAsync(invoice.Id)).PaidAmount.Value);

        var ofReversal = await app.ReverseAsync(reversal.Id, "取消の取消");
        Assert.False(ofReversal.Succeeded);
    }

    [Fact]
    public async Task The_database_refuses_a_second_reversal_row_for_the_same_payment()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(app);
        var posted = await app.PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(2026, 11, 1), 1_000));
        await app.ReverseAsync(posted.PaymentId!.Value, "入力誤り");
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.Payments.Add(new Payment { MemberId = member.Id, ReceivedOn = new DateOnly(2026, 11, 1), Amount = new Yen(-1_000), ReversesPaymentId = posted.PaymentId, CreatedByName = "テスト" });
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task A_posting_that_raced_another_to_the_same_invoice_is_checked_again_and_never_over_allocates()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(app);
        var invoice = await app.InvoiceAsync(member, 2026, 5_000);

        await using var slow = app.Services.CreateAsyncScope();
        var slowDb = slow.ServiceProvider.GetRequiredService<MemberHub.Data.MemberHubDbContext>();
        // The slow poster has read the invoice (still 5,000円 open) before the other posting is saved.
        _ = await slowDb.Invoices.SingleAsync(i => i.Id == invoice.Id);

        var first = await app.PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(2026, 11, 20), 5_000, (invoice.Id, 5_000)));
        Assert.True(first.Succeeded);

        var second = await slow.ServiceProvider.GetRequiredService<PaymentPostingHandler>()
            .PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(2026, 11, 20), 5_000, (invoice.Id, 5_000)));
        Assert.False(second.Succeeded);
        var after = await app.ReadInvoiceAsync(invoice.Id);
        Assert.Equal(5_000, after.PaidAmount.Value);
        Assert.Equal(InvoiceStatus.Paid, after.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Payments.CountAsync(p => p.MemberId == member.Id)));
    }

    [Fact]
    public async Task Staff_see_a_payment_but_cannot_post_or_undo_and_volunteers_see_nothing()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(app);
        var posted = await app.PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(2026, 11, 2), 3_000));
        var staff = await app.SignInAsAsync(Roles.Staff);
        var details = await staff.Http.GetDocumentAsync($"/Payments/Details/{posted.PaymentId}");
        Assert.Contains("3,000円", details.QuerySelector("#payment-amount")!.TextContent);
        Assert.Null(details.QuerySelector($"a[href='/Payments/Reverse/{posted.PaymentId}']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync($"/Payments/Manual?memberId={member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync($"/Payments/Reverse/{posted.PaymentId}")).StatusCode);

        var volunteer = await app.SignInAsAsync(Roles.Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync($"/Payments/Details/{posted.PaymentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync("/Dues")).StatusCode);
    }

    [Fact]
    public async Task The_member_box_finds_members_as_one_types()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().Named("北村 早苗", "キタムラ サナエ").CreateAsync(app);
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var request = new HttpRequestMessage(HttpMethod.Get, "/Payments/Manual?handler=Members&q=" + Uri.EscapeDataString("ｷﾀﾑﾗ"));
        request.Headers.Add("HX-Request", "true");
        var html = await (await treasurer.Http.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("北村 早苗", html);
        Assert.Contains($"/Payments/Manual?memberId={member.Id}", html);
        Assert.DoesNotContain("<html", html);
    }
}

public class PaymentPostingSqliteTests(MemberHubFactory app) : PaymentPostingTests(app), IClassFixture<MemberHubFactory>;

public class PaymentPostingPostgresTests(PostgresMemberHubFactory app) : PaymentPostingTests(app), IClassFixture<PostgresMemberHubFactory>;
