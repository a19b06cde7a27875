using System.Net;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Identity;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Billing;

public abstract class InvoiceTests(MemberHubFactory app)
{
    private async Task<(long ClassId, string ClassName, long MemberId, Invoice Invoice)> OneInvoiceAsync(HttpClient staff, long fee = 5_000)
    {
        var (classId, className) = await app.NewClassAsync(fee: fee);
        var member = await new MemberBuilder().OfClass(className).Named("吉田 修", "ヨシダ オサム").CreateAsync(app);
        var page = await staff.GetDocumentAsync($"/Dues/Invoices/Issue?memberId={member.Id}");
        var response = await staff.SubmitFormAsync(page, "/Dues/Invoices/Issue", new Dictionary<string, string>(), "main form[method=post]");
        response.AssertRedirectTo("/Dues/Invoices/Details/");
        return (classId, className, member.Id, Assert.Single(await app.InvoicesOfClassAsync(classId)));
    }

    [Fact]
    public async Task One_member_is_invoiced_from_the_member_page_by_the_same_rules_and_not_twice()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignInAsAsync(Roles.Staff);
        var (_, _, memberId, invoice) = await OneInvoiceAsync(staff.Http, fee: 8_000);
        Assert.Equal((2026, new Yen(8_000), InvoiceStatus.Unpaid, (long?)null), (invoice.FiscalYear, invoice.Total, invoice.Status, invoice.BillingRunId));

        var memberPage = await staff.Http.GetDocumentAsync($"/Members/Details/{memberId}");
        Assert.NotNull(memberPage.QuerySelector($"a[href='/Dues/Invoices/Issue?memberId={memberId}']"));
        Assert.Contains(invoice.InvoiceNumber, memberPage.Text("#member-invoices"));
        Assert.Equal("8,000円", memberPage.Text("#member-balance"));

        var again = await staff.Http.GetDocumentAsync($"/Dues/Invoices/Issue?memberId={memberId}");
        Assert.Contains("請求済み", again.Text("#issue-left-out"));
        Assert.Null(again.QuerySelector("main form[method=post]"));
    }

    [Fact]
    public async Task Cancelling_with_a_reason_keeps_the_invoice_and_issues_a_corrected_one_with_a_new_number()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignInAsAsync(Roles.Staff);
        var (classId, _, memberId, invoice) = await OneInvoiceAsync(staff.Http);
        await app.ChangeMemberAsync(memberId, m => m.Units = 2);   // it should have been two units

        var refused = await staff.Http.SubmitFormAsync($"/Dues/Invoices/Cancel/{invoice.Id}", new Dictionary<string, string> { ["Input.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("取消の理由を入力してください。", await refused.BodyAsync());

        var response = await staff.Http.SubmitFormAsync($"/Dues/Invoices/Cancel/{invoice.Id}", new Dictionary<string, string>
        {
            ["Input.Reason"] = "口数の誤り（1口→2口）",
            ["Input.Reissue"] = "true",
        });

        response.AssertRedirectTo("/Dues/Invoices/Details/");
        var invoices = await app.InvoicesOfClassAsync(classId);
        Assert.Equal(2, invoices.Count);
        var old = invoices.Single(i => i.Id == invoice.Id);
        Assert.Equal((InvoiceStatus.Cancelled, "口数の誤り（1口→2口）", (DateOnly?)new DateOnly(2026, 11, 23)), (old.Status, old.CancelReason, old.CancelledOn));
        var corrected = invoices.Single(i => i.Id != invoice.Id);
        Assert.Equal((invoice.Id, new Yen(10_000), InvoiceStatus.Unpaid), (corrected.CorrectsInvoiceId!.Value, corrected.Total, corrected.Status));
        Assert.NotEqual(invoice.InvoiceNumber, corrected.InvoiceNumber);
        Assert.EndsWith($"/{corrected.Id}", response.Headers.Location!.OriginalString);

        var oldPage = await staff.Http.GetDocumentAsync($"/Dues/Invoices/Details/{invoice.Id}");
        Assert.Contains("取消", oldPage.Text("#invoice-status"));
        Assert.Equal(corrected.InvoiceNumber, oldPage.Text("#corrected-by"));
        Assert.Null(oldPage.QuerySelector("#cancel-link"));
        var newPage = await staff.Http.GetDocumentAsync($"/Dues/Invoices/Details/{corrected.Id}");
        Assert.Contains(invoice.InvoiceNumber, newPage.Text("#corrects-note"));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Invoice) && a.EntityId == invoice.Id.ToString() && a.Field == "Status").ToListAsync());
        Assert.Contains(audit, a => a.After == nameof(InvoiceStatus.Cancelled) && a.UserId == staff.User.Id);
    }

    [Fact]
    public async Task The_treasurer_writes_off_an_invoice_with_a_reason_but_may_not_cancel_or_issue()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignInAsAsync(Roles.Staff);
        var (_, _, memberId, invoice) = await OneInvoiceAsync(staff.Http);
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);

        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.GetAsync($"/Dues/Invoices/Cancel/{invoice.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.GetAsync($"/Dues/Invoices/Issue?memberId={memberId}")).StatusCode);
        var details = await treasurer.Http.GetDocumentAsync($"/Dues/Invoices/Details/{invoice.Id}");
        Assert.Null(details.QuerySelector("#cancel-link"));
        Assert.NotNull(details.QuerySelector("#writeoff-link"));

        var missing = await treasurer.Http.SubmitFormAsync($"/Dues/Invoices/WriteOff/{invoice.Id}", new Dictionary<string, string> { ["Input.Reason"] = " " });
        Assert.Contains("理由を入力してください。", await missing.BodyAsync());
        var response = await treasurer.Http.SubmitFormAsync($"/Dues/Invoices/WriteOff/{invoice.Id}", new Dictionary<string, string>
        {
            ["Input.Kind"] = "BadDebt",
            ["Input.Reason"] = "転居先不明で回収不能",
        });

        response.AssertRedirectTo($"/Dues/Invoices/Details/{invoice.Id}");
        var saved = await app.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoice.Id));
        Assert.Equal((InvoiceStatus.WrittenOff, (WriteOffKind?)WriteOffKind.BadDebt, "転居先不明で回収不能", Yen.Zero),
            (saved.Status, saved.WriteOffKind, saved.WriteOffReason, saved.Balance));
        var page = await treasurer.Http.GetDocumentAsync($"/Dues/Invoices/Details/{invoice.Id}");
        Assert.Contains("貸倒", page.Text("#writeoff-note"));
        Assert.Null(page.QuerySelector("#writeoff-link"));
    }

    [Fact]
    public async Task The_list_filters_by_year_status_class_and_name_and_totals_what_it_shows()
    {
        app.SkipIfUnavailable();
        var (classId, className) = await app.NewClassAsync(fee: 4_000);
        var b = new MemberBuilder().OfClass(className);
        var m1 = await b.Named("森 香織", "モリ カオリ").CreateAsync(app);
        var m2 = await b.CreateAsync(app);
        var m3 = await b.CreateAsync(app);
        var i1 = await app.InsertInvoiceAsync(m1.Id, classId, amount: 4_000);
        var i2 = await app.InsertInvoiceAsync(m2.Id, classId, amount: 4_000);
        await app.InsertInvoiceAsync(m3.Id, classId, year: 2025, amount: 4_000);
        await app.WithDbAsync(async db =>
        {
            var paid = await db.Invoices.SingleAsync(i => i.Id == i2.Id);
            paid.PaidAmount = new Yen(1_500);
            paid.RefreshPaymentStatus();
            await db.SaveChangesAsync();
        });
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);

        var page = await treasurer.Http.GetDocumentAsync($"/Dues/Invoices?Year=2026&ClassId={classId}");
        Assert.Equal("2件", page.Text("#total-count"));
        Assert.Equal("8,000円", page.Text("#total-amount"));
        Assert.Equal("1,500円", page.Text("#total-paid"));
        Assert.Equal("6,500円", page.Text("#total-balance"));

        var partly = await treasurer.Http.GetDocumentAsync($"/Dues/Invoices?Year=2026&ClassId={classId}&Status=PartlyPaid");
        Assert.Equal("1件", partly.Text("#total-count"));
        Assert.Contains(i2.InvoiceNumber, partly.Text("#invoice-table"));

        var byKana = await treasurer.Http.GetDocumentAsync($"/Dues/Invoices?Year=0&ClassId={classId}&Q=" + Uri.EscapeDataString("もり"));
        Assert.Equal("1件", byKana.Text("#total-count"));
        Assert.Contains(i1.InvoiceNumber, byKana.Text("#invoice-table"));

        var byNumber = await treasurer.Http.GetDocumentAsync($"/Dues/Invoices?Year=0&Q={m3.MemberNumber}");
        Assert.Contains("2025", byNumber.Text("#invoice-table"));
    }

    [Fact]
    public async Task A_volunteer_sees_only_their_own_invoices_on_their_page()
    {
        app.SkipIfUnavailable();
        var (classId, className) = await app.NewClassAsync();
        var b = new MemberBuilder().OfClass(className);
        var mine = await b.Named("石井 陽子", "イシイ ヨウコ").CreateAsync(app);
        var other = await b.CreateAsync(app);
        var myInvoice = await app.InsertInvoiceAsync(mine.Id, classId);
        var otherInvoice = await app.InsertInvoiceAsync(other.Id, classId);
        var volunteer = await app.SignInAsAsync(Roles.Volunteer, memberId: mine.Id);

        var page = await volunteer.Http.GetDocumentAsync("/My");

        var section = page.Text("#my-invoices");
        Assert.Contains(myInvoice.InvoiceNumber, section);
        Assert.Contains("5,000円", section);
        Assert.Contains("未入金", section);
        Assert.DoesNotContain(otherInvoice.InvoiceNumber, page.Source.Text);
        Assert.NotNull(page.QuerySelector($"a[href='/My/InvoicePdf/{myInvoice.Id}']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync($"/Dues/Invoices/Details/{otherInvoice.Id}")).StatusCode);
    }
}

public class InvoiceSqliteTests(MemberHubFactory app) : InvoiceTests(app), IClassFixture<MemberHubFactory>;

public class InvoicePostgresTests(PostgresMemberHubFactory app) : InvoiceTests(app), IClassFixture<PostgresMemberHubFactory>;
