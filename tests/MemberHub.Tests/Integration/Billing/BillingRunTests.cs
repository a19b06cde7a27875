using System.Net;
using MemberHub.Auditing;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using MemberHub.Web.Pages.Dues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration.Billing;

public abstract class BillingRunTests(MemberHubFactory app)
{
    [Fact]
    public async Task Preview_counts_who_is_billed_and_says_why_the_others_are_left_out_then_confirm_issues_them_in_one_run()
    {
        app.SkipIfUnavailable();
        var (classId, className) = await app.NewClassAsync(fee: 6_000, rule: JoinRule.MonthlyProration);
        var b = new MemberBuilder().OfClass(className);
        var person = await b.Named("山本 和子", "ヤマモト カズコ").CreateAsync(app);
        var noEmail = await b.Named("松本 清", "マツモト キヨシ").CreateAsync(app);
        await app.ChangeMemberAsync(noEmail.Id, m => m.Email = null);
        var orgWithContact = await b.Organisation("株式会社みなと商事", "カブシキガイシャミナトショウジ", "港 一郎").CreateAsync(app);
        var orgWithout = await b.Organisation("ひまわり自治会", "ヒマワリジチカイ", "").CreateAsync(app);
        await app.ChangeMemberAsync(orgWithout.Id, m => m.ContactPersonName = null);
        var lateJoiner = await b.JoinedOn(new DateOnly(2026, 10, 5)).CreateAsync(app);
        await b.Withdrawn().CreateAsync(app);
        await b.WithStatus(MemberStatus.Deceased).CreateAsync(app);
        await b.WithStatus(MemberStatus.Applying).CreateAsync(app);
        await b.WithStatus(MemberStatus.Suspended).CreateAsync(app);
        var exempt = await b.CreateAsync(app);
        await app.ChangeMemberAsync(exempt.Id, m => { m.DuesExempt = true; m.DuesExemptReason = "名誉会員"; });
        await b.JoinedOn(new DateOnly(2027, 4, 10)).CreateAsync(app);
        var invoiced = await b.CreateAsync(app);
        var existing = await app.InsertInvoiceAsync(invoiced.Id, classId);
        var staff = await app.SignInAsAsync(Roles.Staff);

        var preview = await staff.Http.GetDocumentAsync(BillingTestKit.RunUrl(classId));

        Assert.Equal("5件", preview.Text("#billed-count"));
        Assert.Equal("27,000円", preview.Text("#billed-total"));  // 4 × 6,000 + 6 months of 6,000
        Assert.Equal("7件", preview.Text("#left-out-count"));
        foreach (var reason in new[] { "退会 1件", "逝去 1件", "入会手続中 1件", "休会中 1件", "会費免除 1件", "年度末より後に入会 1件", "請求済み 1件" })
            Assert.Contains(reason, preview.Text("#preview-summary"));
        Assert.Contains("名誉会員", preview.Text("#left-out-table"));
        Assert.Contains(existing.InvoiceNumber, preview.Text("#left-out-table"));
        Assert.Contains("2026年10月入会のため月割り（6か月分）", preview.Text("#billed-table"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Invoices.CountAsync(i => i.MemberClassId == classId && i.BillingRunId != null)));

        var confirm = await staff.Http.SubmitFormAsync(preview, "/Dues/Runs/Create", new Dictionary<string, string>(), "#confirm-form");

        confirm.AssertRedirectTo("/Dues/Runs/Details/");
        var runId = long.Parse(confirm.Headers.Location!.OriginalString.Split('/').Last());
        var run = await app.WithDbAsync(db => db.BillingRuns.SingleAsync(r => r.Id == runId));
        Assert.Equal((2026, 5, new Yen(27_000), staff.User.DisplayName), (run.FiscalYear, run.InvoiceCount, run.Total, run.CreatedByName));
        var invoices = (await app.InvoicesOfClassAsync(classId)).Where(i => i.BillingRunId == runId).ToList();
        Assert.Equal(5, invoices.Count);
        Assert.All(invoices, i => Assert.Matches(@"^2026-\d{5}$", i.InvoiceNumber));
        Assert.Equal(invoices.Count, invoices.Select(i => i.SequenceNumber).Distinct().Count());
        Assert.All(invoices, i => Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 23)), (i.IssuedOn, i.DueOn)));

        var p = invoices.Single(i => i.MemberId == person.Id);
        Assert.Equal((DeliveryChannel.Email, "様", "150-0001", "東京都 渋谷区神宮前 " + person.Street), (p.Delivery, p.RecipientHonorific, p.RecipientPostalCode, p.RecipientAddress));
        Assert.Equal(DeliveryChannel.Post, invoices.Single(i => i.MemberId == noEmail.Id).Delivery);
        var org = invoices.Single(i => i.MemberId == orgWithContact.Id);
        Assert.Equal(("株式会社みなと商事", "港 一郎", "様"), (org.RecipientName, org.RecipientContactName, org.RecipientHonorific));
        var org2 = invoices.Single(i => i.MemberId == orgWithout.Id);
        Assert.Equal(("ひまわり自治会", (string?)null, "御中"), (org2.RecipientName, org2.RecipientContactName, org2.RecipientHonorific));
        var late = invoices.Single(i => i.MemberId == lateJoiner.Id);
        Assert.Equal(new Yen(3_000), late.Total);
        Assert.Equal("2026年10月入会のため月割り（6か月分）", Assert.Single(late.Lines).Note);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Invoice) && a.EntityId == p.Id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a is { Action: AuditActions.Create, Field: "InvoiceNumber" } && a.After == p.InvoiceNumber && a.UserId == staff.User.Id);

        var details = await staff.Http.GetDocumentAsync($"/Dues/Runs/Details/{runId}");
        Assert.Equal("5件", details.Text("#run-count"));
        Assert.Equal("27,000円", details.Text("#run-total"));
        Assert.NotNull(details.QuerySelector($"a[href='/Dues/Runs/Documents/{runId}']"));
        Assert.NotNull(details.QuerySelector($"a[href='/Dues/Runs/Email/{runId}']"));
        Assert.Contains(p.InvoiceNumber, details.Text("#run-invoices"));
        var list = await staff.Http.GetDocumentAsync("/Dues/Runs");
        Assert.NotNull(list.QuerySelector($"a[href='/Dues/Runs/Details/{runId}']"));
    }

    [Fact]
    public async Task Running_again_issues_only_what_is_missing()
    {
        app.SkipIfUnavailable();
        var (classId, className) = await app.NewClassAsync();
        var b = new MemberBuilder().OfClass(className);
        await b.CreateAsync(app);
        await b.CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);
        var first = await staff.Http.SubmitFormAsync(BillingTestKit.RunUrl(classId), new Dictionary<string, string>(), "#confirm-form");
        first.AssertRedirectTo("/Dues/Runs/Details/");

        var again = await staff.Http.GetDocumentAsync(BillingTestKit.RunUrl(classId));
        Assert.Equal("0件", again.Text("#billed-count"));
        Assert.Contains("請求済み 2件", again.Text("#preview-summary"));
        Assert.Null(again.QuerySelector("#confirm-form"));

        var newcomer = await b.JoinedOn(new DateOnly(2026, 11, 1)).CreateAsync(app);
        var third = await staff.Http.SubmitFormAsync(BillingTestKit.RunUrl(classId), new Dictionary<string, string>(), "#confirm-form");
        third.AssertRedirectTo("/Dues/Runs/Details/");
        var invoices = await app.InvoicesOfClassAsync(classId);
        Assert.Equal(3, invoices.Count);
        Assert.Equal(2, invoices.Select(i => i.BillingRunId).Distinct().Count());
        Assert.Single(invoices, i => i.MemberId == newcomer.Id);
    }

    [Fact]
    public async Task A_confirm_after_someone_else_billed_in_between_changes_nothing_and_says_so()
    {
        app.SkipIfUnavailable();
        var (classId, className) = await app.NewClassAsync();
        var b = new MemberBuilder().OfClass(className);
        var a = await b.CreateAsync(app);
        await b.CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);
        var preview = await staff.Http.GetDocumentAsync(BillingTestKit.RunUrl(classId));
        Assert.Equal("2件", preview.Text("#billed-count"));
        var runsBefore = await app.WithDbAsync(db => db.BillingRuns.CountAsync());

        await app.InsertInvoiceAsync(a.Id, classId);   // the other confirm got there first
        var response = await staff.Http.SubmitFormAsync(preview, "/Dues/Runs/Create", new Dictionary<string, string>(), "#confirm-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlForms.Parse(await response.BodyAsync());
        Assert.Equal(IssueInvoicesHandler.ChangedMessage, page.Text("#run-problem"));
        Assert.Equal("1件", page.Text("#billed-count"));
        Assert.Single(await app.InvoicesOfClassAsync(classId));
        Assert.Equal(runsBefore, await app.WithDbAsync(db => db.BillingRuns.CountAsync()));
    }

    [Fact]
    public async Task Two_confirms_of_the_same_run_cannot_bill_twice_the_unique_index_holds_and_nothing_is_left_behind()
    {
        app.SkipIfUnavailable();
        var (classId, className) = await app.NewClassAsync();
        var b = new MemberBuilder().OfClass(className);
        var a = await b.CreateAsync(app);
        await b.CreateAsync(app);
        var request = new BillingRequest(2026, [classId], new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 23));
        // Both confirms computed the same plan; the first has committed its invoice for member a.
        var stale = await app.WithServicesAsync(sp => sp.GetRequiredService<BillingPlanQuery>().RunAsync(request));
        Assert.Equal(2, stale.Billed.Count);
        await app.InsertInvoiceAsync(a.Id, classId);
        var before = await app.WithDbAsync(async db => new
        {
            Runs = await db.BillingRuns.CountAsync(),
            Invoices = await db.Invoices.CountAsync(),
            Lines = await db.InvoiceLines.CountAsync(),
            Sequence = await db.NumberSequences.Where(s => s.Name == Invoice.SequenceName(2026)).Select(s => (long?)s.NextValue).SingleOrDefaultAsync(),
        });

        var result = await app.WithServicesAsync(sp => sp.GetRequiredService<IssueInvoicesHandler>().IssueAsync(stale, asRun: true));

        Assert.Equal(IssueOutcome.Conflict, result.Outcome);
        Assert.Contains("二重請求を防ぐため", result.Message);
        var after = await app.WithDbAsync(async db => new
        {
            Runs = await db.BillingRuns.CountAsync(),
            Invoices = await db.Invoices.CountAsync(),
            Lines = await db.InvoiceLines.CountAsync(),
            Sequence = await db.NumberSequences.Where(s => s.Name == Invoice.SequenceName(2026)).Select(s => (long?)s.NextValue).SingleOrDefaultAsync(),
        });
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_taxable_class_adds_ten_percent_and_prints_the_registration_number()
    {
        app.SkipIfUnavailable();
        await app.EnsureSettingsAsync("T1234567890123");
        var (classId, className) = await app.NewClassAsync(fee: 3_333, tax: TaxClass.Taxable10);
        await new MemberBuilder().OfClass(className).CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);
        var response = await staff.Http.SubmitFormAsync(BillingTestKit.RunUrl(classId), new Dictionary<string, string>(), "#confirm-form");
        response.AssertRedirectTo("/Dues/Runs/Details/");
        var invoice = Assert.Single(await app.InvoicesOfClassAsync(classId));
        Assert.Equal((new Yen(3_333), new Yen(333), new Yen(3_666), 10, TaxClass.Taxable10, "T1234567890123"),
            (invoice.Subtotal, invoice.TaxAmount, invoice.Total, invoice.TaxRate, invoice.TaxClass, invoice.TaxRegistrationNumber));
        var page = await staff.Http.GetDocumentAsync($"/Dues/Invoices/Details/{invoice.Id}");
        Assert.Equal("333円", page.Text("#invoice-tax"));
        Assert.Equal("3,666円", page.Text("#invoice-total"));
    }

    [Fact]
    public async Task Treasurer_and_volunteer_may_not_create_runs()
    {
        app.SkipIfUnavailable();
        var (classId, _) = await app.NewClassAsync();
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.GetAsync(BillingTestKit.RunUrl(classId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await treasurer.Http.GetAsync("/Dues/Runs")).StatusCode);
        var volunteer = await app.SignInAsAsync(Roles.Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync("/Dues/Runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync("/Dues/Invoices")).StatusCode);
    }
}

public class BillingRunSqliteTests(MemberHubFactory app) : BillingRunTests(app), IClassFixture<MemberHubFactory>;

public class BillingRunPostgresTests(PostgresMemberHubFactory app) : BillingRunTests(app), IClassFixture<PostgresMemberHubFactory>;
