using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MemberHub.Documents;
using MemberHub.Identity;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Organisation;
using MemberHub.Tests.Integration.Collection;
using MemberHub.Tests.Integration.Documents;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using MemberHub.Tests.Unit.Documents;
using MemberHub.Thanks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration.Receipts;

public abstract class ReceiptTests(MemberHubFactory app)
{
    private Task CertifiedAsync(bool on) => app.WithDbAsync(async db =>
    {
        await InvoiceData.OrganisationAsync(app);
        var o = await db.OrganisationSettings.SingleAsync(x => x.Id == OrganisationSettings.SingletonId);
        o.IsCertifiedNpo = on;
        o.CertificationNumber = on ? "東京都認定第2023-45号" : null;
        o.CertifiedOn = on ? new DateOnly(2023, 4, 1) : null;
        o.SealImage = InvoiceData.SealPng();
        o.SealContentType = "image/png";
        o.Version++;
        await db.SaveChangesAsync();
    });

    private static async Task<string> PdfTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return SamplePrints.PageTexts(await response.Content.ReadAsByteArrayAsync()).Single();
    }

    private Task<List<IssuedReceipt>> ReceiptsOfAsync(long memberId) =>
        app.WithDbAsync(db => db.IssuedReceipts.AsNoTracking().Where(r => r.MemberId == memberId).OrderBy(r => r.Id).ToListAsync());

    /// <summary>A donation recorded through /Payments/Donation, as the treasurer does it; returns the payment id.</summary>
    private static async Task<long> DonateAsync(HttpClient treasurer, long memberId, string on, string amount)
    {
        var response = await treasurer.SubmitFormAsync($"/Payments/Donation?memberId={memberId}", new Dictionary<string, string>
        {
            ["Input.ReceivedOn"] = on, ["Input.Amount"] = amount, ["Input.Method"] = nameof(PaymentMethod.Cash), ["Input.Note"] = "総会にて",
        }, "#donation-form");
        response.AssertRedirectTo("/Payments/Details/");
        return long.Parse(response.Headers.Location!.OriginalString["/Payments/Details/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_receipt_is_numbered_once_reissued_marked_voided_with_its_reason_and_refused_once_the_payment_is_undone()
    {
        app.SkipIfUnavailable();
        await CertifiedAsync(false);
        var member = await new MemberBuilder().Named("佐藤 花子", "サトウ ハナコ").CreateAsync(app);
        var invoice = await app.InvoiceAsync(member, 2026, 5_000);
        var posted = await app.PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(2026, 11, 20), 6_000, (invoice.Id, 5_000)));
        Assert.True(posted.Succeeded);
        var paymentId = posted.PaymentId!.Value;
        var details = $"/Payments/Details/{paymentId}";

        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var page = await treasurer.Http.GetDocumentAsync(details);
        var issued = await treasurer.Http.SubmitFormAsync(page, details, new Dictionary<string, string>(), "form[action*='handler=Payment']");
        issued.AssertRedirectTo(details);
        // The same button pressed again (a double click, or Back and again): still one receipt.
        (await treasurer.Http.SubmitFormAsync(page, details, new Dictionary<string, string>(), "form[action*='handler=Payment']")).AssertRedirectTo(details);
        var receipt = Assert.Single(await ReceiptsOfAsync(member.Id));
        Assert.Matches(new Regex(@"^R2026-\d{5}$"), receipt.Number);
        Assert.Equal((ReceiptKind.Payment, 6_000L, paymentId, false), (receipt.Kind, receipt.Amount.Value, receipt.PaymentId!.Value, receipt.IsReissue));
        Assert.Equal(treasurer.User.DisplayName, receipt.IssuedByName);

        var text = await PdfTextAsync(await treasurer.Http.GetAsync($"/Payments/Receipts/Pdf/{receipt.Id}"));
        Assert.Contains("領収書", text.Replace(" ", ""));
        Assert.Contains(receipt.Number, text);
        Assert.Contains("6,000", text);
        Assert.Contains("2026年度会費及びご寄附として", text);
        Assert.Contains("2026年11月20日", text);
        Assert.Contains("佐藤 花子", text);
        Assert.Contains("特定非営利活動法人 みどりの森", text);
        Assert.Contains("収入印紙不要", text);
        Assert.Contains(invoice.InvoiceNumber, text);
        Assert.DoesNotContain("再発行", text);

        // Staff hand out a receipt already issued, but do not issue; volunteers see none.
        var staff = await app.SignInAsAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/Payments/Receipts/Pdf/{receipt.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.PostAsync($"/Payments/Receipts/Issue?handler=Payment&paymentId={paymentId}", new FormUrlEncodedContent([]))).StatusCode);
        Assert.DoesNotContain("issue-receipt", await (await staff.Http.GetAsync(details)).BodyAsync());
        var volunteer = await app.SignInAsAsync(Roles.Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync($"/Payments/Receipts/Pdf/{receipt.Id}")).StatusCode);

        // 再発行: a second sheet with the same number and its copy count, marked on the paper.
        page = await treasurer.Http.GetDocumentAsync(details);
        Assert.Null(page.QuerySelector("#issue-receipt"));
        (await treasurer.Http.SubmitFormAsync(page, details, new Dictionary<string, string>(), "form[action*='handler=Reissue']")).AssertRedirectTo(details);
        var copy = (await ReceiptsOfAsync(member.Id)).Last();
        Assert.Equal((receipt.Number + "-2", true), (copy.Number, copy.IsReissue));
        Assert.Contains("再発行", await PdfTextAsync(await treasurer.Http.GetAsync($"/Payments/Receipts/Pdf/{copy.Id}")));
        Assert.Contains(receipt.Number, (await treasurer.Http.GetDocumentAsync("/Payments/Receipts")).QuerySelector("#receipts")!.TextContent);

        // 無効: a reason is required; the receipt and its copy stay, voided, and print no more.
        var voidPage = $"/Payments/Receipts/Void/{receipt.Id}";
        var noReason = await treasurer.Http.SubmitFormAsync(voidPage, new Dictionary<string, string> { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("無効にする理由を入力してください", await noReason.BodyAsync());
        (await treasurer.Http.SubmitFormAsync(voidPage, new Dictionary<string, string> { ["Reason"] = "宛名の誤り" })).AssertRedirectTo("/Payments/Receipts");
        var both = await ReceiptsOfAsync(member.Id);
        Assert.All(both, r => Assert.Equal("宛名の誤り", r.VoidReason));
        var voided = await treasurer.Http.GetAsync($"/Payments/Receipts/Pdf/{receipt.Id}");
        Assert.Equal(HttpStatusCode.Conflict, voided.StatusCode);
        Assert.Contains("宛名の誤り", await voided.BodyAsync());

        // A new receipt after the void gets a new number.
        page = await treasurer.Http.GetDocumentAsync(details);
        (await treasurer.Http.SubmitFormAsync(page, details, new Dictionary<string, string>(), "form[action*='handler=Payment']")).AssertRedirectTo(details);
        var fresh = (await ReceiptsOfAsync(member.Id)).Last();
        Assert.NotEqual(ReceiptNumbers.BaseOf(receipt.Number), ReceiptNumbers.BaseOf(fresh.Number));

        // The payment is undone: its live receipt is voided with the reason in the same save, and no new one can be issued.
        (await treasurer.Http.SubmitFormAsync($"/Payments/Reverse/{paymentId}", new Dictionary<string, string> { ["Reason"] = "金額の誤り" })).AssertRedirectTo(details);
        Assert.Equal("入金の取消（金額の誤り）により無効", (await ReceiptsOfAsync(member.Id)).Single(r => r.Id == fresh.Id).VoidReason);
        var stale = await treasurer.Http.GetAsync($"/Payments/Receipts/Pdf/{fresh.Id}");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("入金の取消（金額の誤り）により無効", await stale.BodyAsync());
        var token = (await treasurer.Http.GetDocumentAsync("/Payments/Receipts")).AntiforgeryToken();
        var refused = await treasurer.Http.PostAsync($"/Payments/Receipts/Issue?handler=Payment&paymentId={paymentId}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(ReceiptMessagesReversed, await refused.BodyAsync());
        Assert.Equal(3, (await ReceiptsOfAsync(member.Id)).Count);
        var afterUndo = await (await treasurer.Http.GetAsync(details)).BodyAsync();
        Assert.DoesNotContain("要無効", afterUndo);
        Assert.Contains("入金の取消（金額の誤り）により無効", afterUndo);
        Assert.Contains("取り消されているため", afterUndo);
    }

    [Fact]
    public async Task Two_people_issuing_the_same_receipt_at_the_same_moment_get_one_receipt()
    {
        app.SkipIfUnavailable();
        await CertifiedAsync(false);
        var member = await new MemberBuilder().CreateAsync(app);
        var posted = await app.PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(2026, 11, 2), 4_000));
        var paymentId = posted.PaymentId!.Value;
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            app.WithServicesAsync(sp => sp.GetRequiredService<MemberHub.Web.Pages.Payments.Receipts.ReceiptBookHandler>().IssueForPaymentAsync(paymentId)))));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Single(results.Select(r => r.ReceiptId).Distinct());
        Assert.Single(await ReceiptsOfAsync(member.Id));
    }

    private const string ReceiptMessagesReversed = "取り消された入金には領収書・証明書を発行できません";

    [Fact]
    public async Task Donations_by_hand_give_certificates_only_to_a_certified_npo_and_the_annual_one_sums_the_calendar_year_net_of_reversals()
    {
        app.SkipIfUnavailable();
        await CertifiedAsync(false);
        var donor = await new MemberBuilder().Named("鈴木 一郎", "スズキ イチロウ").CreateAsync(app);
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);

        // Bad input changes nothing.
        var bad = await treasurer.Http.SubmitFormAsync($"/Payments/Donation?memberId={donor.Id}", new Dictionary<string, string>
        {
            ["Input.Amount"] = "一万円", ["Input.ReceivedOn"] = "2026-12-24",
        }, "#donation-form");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badBody = await bad.BodyAsync();
        Assert.Contains("寄附金額は 10,000 のように", badBody);
        Assert.Contains("未来の日付", badBody);
        Assert.False(await app.WithDbAsync(db => db.Payments.AnyAsync(p => p.MemberId == donor.Id)));

        var march = await DonateAsync(treasurer.Http, donor.Id, "2026-03-10", "10,000");
        var payment = await app.WithDbAsync(db => db.Payments.Include(p => p.Allocations).AsNoTracking().SingleAsync(p => p.Id == march));
        Assert.Equal((10_000L, PaymentMethod.Cash, new DateOnly(2026, 3, 10)), (payment.Amount.Value, payment.Method, payment.ReceivedOn));
        var allocation = Assert.Single(payment.Allocations);
        Assert.Equal((AllocationKind.Donation, donor.Id, 10_000L), (allocation.Kind, allocation.MemberId!.Value, allocation.Amount.Value));

        // Not an 認定NPO法人: the pages say why no certificate is offered, and asking anyway is refused.
        var details = await treasurer.Http.GetDocumentAsync($"/Payments/Details/{march}");
        Assert.NotNull(details.QuerySelector("#not-certified"));
        Assert.Null(details.QuerySelector("#issue-gift-certificate"));
        Assert.NotNull((await treasurer.Http.GetDocumentAsync("/Payments/Receipts/Annual")).QuerySelector("#not-certified"));
        var token = details.AntiforgeryToken();
        var notCertified = await treasurer.Http.PostAsync($"/Payments/Receipts/Issue?handler=Gift&paymentId={march}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Contains("認定NPO法人", await notCertified.BodyAsync());
        Assert.Empty(await ReceiptsOfAsync(donor.Id));

        await CertifiedAsync(true);
        var july = await DonateAsync(treasurer.Http, donor.Id, "2026-07-01", "5000");
        var december2025 = await DonateAsync(treasurer.Http, donor.Id, "2025-12-20", "3000");
        var september = await DonateAsync(treasurer.Http, donor.Id, "2026-09-09", "2000");
        (await treasurer.Http.SubmitFormAsync($"/Payments/Reverse/{september}", new Dictionary<string, string> { ["Reason"] = "二重記録" }))
            .AssertRedirectTo($"/Payments/Details/{september}");

        // The annual certificate from the member page: 2026's gifts, without the reversed one.
        var memberPage = $"/Members/Details/{donor.Id}";
        var annual = await treasurer.Http.SubmitFormAsync(memberPage, new Dictionary<string, string> { ["year"] = "2026" }, "form[action*='handler=Annual']");
        annual.AssertRedirectTo(memberPage);
        var certificate = Assert.Single(await ReceiptsOfAsync(donor.Id));
        Assert.Equal((ReceiptKind.DonationAnnual, 2026, 15_000L), (certificate.Kind, certificate.CalendarYear!.Value, certificate.Amount.Value));
        Assert.Matches(new Regex(@"^D2026-\d{5}$"), certificate.Number);
        var text = await PdfTextAsync(await treasurer.Http.GetAsync($"/Payments/Receipts/Pdf/{certificate.Id}"));
        Assert.Contains("寄附金受領証明書", text);
        Assert.Contains("鈴木 一郎", text);
        Assert.Contains("渋谷区神宮前", text);
        Assert.Contains("15,000円", text);
        Assert.Contains("2026年3月10日", text);
        Assert.Contains("2026年7月1日", text);
        Assert.DoesNotContain("2026年9月9日", text);
        Assert.DoesNotContain("2025年12月20日", text);
        Assert.Contains("東京都認定第2023-45号", text);
        Assert.Contains("2023年4月1日", text);
        Assert.Contains("特定非営利活動に係る事業に関連する寄附金", text);
        Assert.Contains("特定非営利活動法人 みどりの森", text);
        Assert.Contains("寄附金控除", text);
        Assert.Contains(certificate.Number, (await treasurer.Http.GetDocumentAsync(memberPage)).QuerySelector("#member-receipts")!.TextContent);

        // The payment page offers the same annual certificate: asking there returns the one already issued.
        var julyPage = $"/Payments/Details/{july}";
        (await treasurer.Http.SubmitFormAsync(julyPage, new Dictionary<string, string>(), "form[action*='handler=Annual']")).AssertRedirectTo(julyPage);
        Assert.Single(await ReceiptsOfAsync(donor.Id));

        // A gift of 2026 is already in the annual certificate: no second certificate for it.
        var giftToken = (await treasurer.Http.GetDocumentAsync($"/Payments/Details/{july}")).AntiforgeryToken();
        var twice = await treasurer.Http.PostAsync($"/Payments/Receipts/Issue?handler=Gift&paymentId={july}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", giftToken)]));
        Assert.Contains("年間の寄附金受領証明書", await twice.BodyAsync());

        // A gift of 2025 gets its own certificate from its payment's page.
        var giftPage = $"/Payments/Details/{december2025}";
        (await treasurer.Http.SubmitFormAsync(giftPage, new Dictionary<string, string>(), "form[action*='handler=Gift']")).AssertRedirectTo(giftPage);
        var gift = (await ReceiptsOfAsync(donor.Id)).Last();
        Assert.Equal((ReceiptKind.DonationGift, 3_000L), (gift.Kind, gift.Amount.Value));
        var giftText = await PdfTextAsync(await treasurer.Http.GetAsync($"/Payments/Receipts/Pdf/{gift.Id}"));
        Assert.Contains("3,000円", giftText);
        Assert.Contains("2025年12月20日", giftText);

        // Another 2026 gift recorded later: the annual certificate no longer matches the ledger and is not printed as it was.
        await DonateAsync(treasurer.Http, donor.Id, "2026-10-01", "1000");
        var changed = await treasurer.Http.GetAsync($"/Payments/Receipts/Pdf/{certificate.Id}");
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Contains("無効にして、発行し直してください", await changed.BodyAsync());

        // A donor without an address gets no certificate: the law wants the address on it.
        var noAddress = await new MemberBuilder().Named("田中 美咲", "タナカ ミサキ").CreateAsync(app);
        await app.ChangeMemberAsync(noAddress, m => { m.Prefecture = null; m.City = null; m.Street = null; m.PostalCode = null; });
        var unaddressed = await DonateAsync(treasurer.Http, noAddress.Id, "2026-05-05", "4000");
        var refused = await treasurer.Http.SubmitFormAsync($"/Payments/Details/{unaddressed}", new Dictionary<string, string>(), "form[action*='handler=Gift']");
        Assert.Contains("寄附者の住所が登録されていません", await refused.BodyAsync());
    }

    [Fact]
    public async Task The_donor_register_lists_each_gift_of_the_fiscal_year_and_every_download_is_audited()
    {
        app.SkipIfUnavailable();
        await CertifiedAsync(true);
        var donor = await new MemberBuilder().Named("𠮷田 健一", "ヨシダ ケンイチ").CreateAsync(app);
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        await DonateAsync(treasurer.Http, donor.Id, "2026-03-31", "7000");   // fiscal year 2025
        await DonateAsync(treasurer.Http, donor.Id, "2026-04-01", "8000");
        var undone = await DonateAsync(treasurer.Http, donor.Id, "2026-06-15", "9000");
        await DonateAsync(treasurer.Http, donor.Id, "2026-11-20", "12,345");
        (await treasurer.Http.SubmitFormAsync($"/Payments/Reverse/{undone}", new Dictionary<string, string> { ["Reason"] = "入力誤り" }))
            .AssertRedirectTo($"/Payments/Details/{undone}");

        var page = "/Payments/DonorRegister?year=2026";
        var csv = await treasurer.Http.SubmitFormAsync(page, new Dictionary<string, string>(), "#register-download");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("受領年月日,会員番号,氏名又は名称,郵便番号,住所,寄附金額,受領方法,入金番号", lines[0]);
        var mine = lines.Where(l => l.Contains(donor.Name, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mine.Count);
        Assert.StartsWith($"2026/04/01,{donor.MemberNumber},{donor.Name},150-0001,{donor.Address},8000,現金,", mine[0]);
        Assert.StartsWith($"2026/11/20,{donor.MemberNumber},{donor.Name},150-0001,{donor.Address},12345,現金,", mine[1]);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "DonorRegister" && a.UserId == treasurer.User.Id).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(("2026", "エクスポート", "寄附者名簿"), (entry.EntityId, entry.Action, entry.Field));
        Assert.Contains("UTF-8", entry.After);

        // Shift_JIS on request: 𠮷 is not in CP932, so the page says so and offers UTF-8 (nothing half-written).
        var sjis = await treasurer.Http.SubmitFormAsync(page, new Dictionary<string, string> { ["encoding"] = "cp932" }, "#register-download");
        Assert.Equal("text/html", sjis.Content.Headers.ContentType?.MediaType);
        Assert.Contains(donor.MemberNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), (await sjis.BodyAsync()));
        await app.ChangeMemberAsync(donor, m => m.Name = "吉田 健一");
        var sjisOk = await treasurer.Http.SubmitFormAsync(page, new Dictionary<string, string> { ["encoding"] = "cp932" }, "#register-download");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Assert.Contains("吉田 健一", Encoding.GetEncoding(932).GetString(await sjisOk.Content.ReadAsByteArrayAsync()));

        var staff = await app.SignInAsAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task The_january_run_issues_each_donor_one_certificate_in_one_print_file_and_a_repeat_issues_nothing_twice()
    {
        app.SkipIfUnavailable();
        await CertifiedAsync(true);
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var a = await new MemberBuilder().Named("伊藤 由美", "イトウ ユミ").CreateAsync(app);
        var b = await new MemberBuilder().Named("渡辺 翔太", "ワタナベ ショウタ").CreateAsync(app);
        var c = await new MemberBuilder().Named("山本 さくら", "ヤマモト サクラ").CreateAsync(app);
        await app.ChangeMemberAsync(c, m => { m.Prefecture = null; m.City = null; m.Street = null; });
        await DonateAsync(treasurer.Http, a.Id, "2024-02-01", "1000");
        await DonateAsync(treasurer.Http, a.Id, "2024-08-01", "2000");
        await DonateAsync(treasurer.Http, b.Id, "2024-05-01", "50000");
        await DonateAsync(treasurer.Http, c.Id, "2024-06-01", "3000");

        var page = "/Payments/Receipts/Annual?year=2024";
        var view = await treasurer.Http.GetDocumentAsync(page);
        Assert.NotNull(view.QuerySelector("#without-address"));
        (await treasurer.Http.SubmitFormAsync(view, page, new Dictionary<string, string>())).AssertRedirectTo("/Payments/Receipts/Annual?year=2024");
        Assert.Equal(3_000, (await ReceiptsOfAsync(a.Id)).Single().Amount.Value);
        Assert.Equal(50_000, (await ReceiptsOfAsync(b.Id)).Single().Amount.Value);
        Assert.Empty(await ReceiptsOfAsync(c.Id));

        var jobId = await app.WithDbAsync(db => db.DocumentJobs.Where(j => j.Kind == "donation-certificates" && j.RelatedId == 2024).Select(j => j.Id).SingleAsync());
        DocumentJob job = null!;
        for (var i = 0; i < 120; i++)
        {
            job = await app.WithDbAsync(db => db.DocumentJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));
            if (job.Status is DocumentJobStatus.Done or DocumentJobStatus.Failed) break;
            await Task.Delay(250);
        }
        Assert.True(job.Status == DocumentJobStatus.Done, $"job {job.Status}: {job.Error}");
        var file = await treasurer.Http.GetAsync($"/Dues/Documents/Download/{jobId}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var pages = SamplePrints.PageTexts(await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, pages.Count);
        Assert.Contains(pages, p => p.Contains("伊藤 由美", StringComparison.Ordinal) && p.Contains("3,000円", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Contains("渡辺 翔太", StringComparison.Ordinal) && p.Contains("50,000円", StringComparison.Ordinal));

        (await treasurer.Http.SubmitFormAsync(page, new Dictionary<string, string>())).AssertRedirectTo("/Payments/Receipts/Annual?year=2024");
        Assert.Single(await ReceiptsOfAsync(a.Id));
        Assert.Single(await ReceiptsOfAsync(b.Id));
    }
}

public class ReceiptSqliteTests(MemberHubFactory app) : ReceiptTests(app), IClassFixture<MemberHubFactory>;

public class ReceiptPostgresTests(PostgresMemberHubFactory app) : ReceiptTests(app), IClassFixture<PostgresMemberHubFactory>;
