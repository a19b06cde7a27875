using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using MemberHub.Banking;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Identity;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using MemberHub.Tests.Unit.Payments;
using MemberHub.Web.Pages.Payments.Imports;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Payments;

/// <summary>
/// The reconciliation screen through HTTP: automatic posting on import, confirming a suggestion, several at once,
/// undo, split, donation, remembered payers, cancellation notices and who may do what. Every test imports its own
/// Zengin file (its own account number) and makes its own members with names no other test uses.
/// </summary>
public abstract class ReconciliationTests(MemberHubFactory app)
{
    private static int _account = Random.Shared.Next(100_000, 900_000);
    private static int _name;

    private static string NewAccount() => Interlocked.Increment(ref _account).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A family name in half-width kana nobody else in the database has (ﾃｽﾄｱｲ, ﾃｽﾄｱｳ …), with its full-width reading.</summary>
    private static (string Bank, string Kana) NewFamily()
    {
        const string bank = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾗﾘﾙﾚﾛ";
        const string kana = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ";
        var n = Interlocked.Increment(ref _name) + Random.Shared.Next(0, 1000) * 100;
        var (a, b, c) = (n % bank.Length, n / bank.Length % bank.Length, n / bank.Length / bank.Length % bank.Length);
        return ($"ﾒｲﾎﾞ{bank[a]}{bank[b]}{bank[c]}", $"メイボ{kana[a]}{kana[b]}{kana[c]}");
    }

    private async Task<HttpClient> TreasurerAsync()
    {
        app.SkipIfUnavailable();
        return (await app.SignInAsAsync(Roles.Treasurer)).Http;
    }

    private Task<Invoice> InvoiceAsync(Member member, long amount, int year = 2026) => app.WithDbAsync(async db =>
    {
        var seq = Interlocked.Increment(ref _account);
        var invoice = new Invoice
        {
            InvoiceNumber = Invoice.FormatNumber(year, seq % 100_000), FiscalYear = year, SequenceNumber = seq % 100_000,
            MemberId = member.Id, MemberClassId = member.MemberClassId, IssuedOn = new DateOnly(year, 4, 1), DueOn = new DateOnly(year, 5, 31),
            Status = InvoiceStatus.Unpaid, Subtotal = new Yen(amount), Total = new Yen(amount), RecipientName = member.Name,
            CreatedAt = DateTime.UtcNow, CreatedByName = "テスト", Version = 1,
        };
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        return invoice;
    });

    /// <summary>Uploads a 振込入金通知 with these (amount, payer) notices, confirms the preview, returns the import's page address.</summary>
    private static async Task<string> ImportAsync(HttpClient client, string account, params (long Amount, string Payer)[] notices)
    {
        var records = new List<ZenginRecord> { ZenginRecord.NoticeHeader(created: "081120", from: "081118", to: "081120", account: account) };
        for (var i = 0; i < notices.Length; i++) records.Add(ZenginRecord.Notice(i + 1, "081119", notices[i].Amount, notices[i].Payer));
        records.Add(ZenginRecord.NoticeTrailer(notices.Length, notices.Sum(n => n.Amount)));
        records.Add(ZenginRecord.End());
        return await UploadAndConfirmAsync(client, ZenginRecord.File("\r\n", [.. records]));
    }

    private static async Task<string> UploadAndConfirmAsync(HttpClient client, byte[] file)
    {
        var doc = await client.GetDocumentAsync("/Payments/Import");
        var form = (IHtmlFormElement)doc.QuerySelector("main form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in HtmlForms.FormFields(form)) content.Add(new StringContent(v), k);
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(bytes, "file", "bank.txt");
        var preview = HtmlForms.Parse(await (await client.PostAsync(form.GetAttribute("action"), content)).BodyAsync());
        var confirmed = await client.SubmitFormAsync(preview, "/Payments/Import", new Dictionary<string, string>(), "main form[action*='handler=Confirm']");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return confirmed.Headers.Location!.OriginalString;
    }

    private static IHtmlTableRowElement Row(IHtmlDocument page, string table, string payer) =>
        (IHtmlTableRowElement)page.QuerySelectorAll($"#{table} tbody tr").Single(r => r.TextContent.Contains(payer));

    /// <summary>Posts one of the row's forms as htmx does and returns the re-rendered groups.</summary>
    private static async Task<IHtmlDocument> PostAsync(HttpClient client, IHtmlDocument page, string formSelector, Dictionary<string, string>? values = null)
    {
        var form = (IHtmlFormElement)(page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"no form {formSelector}"));
        var fields = HtmlForms.FormFields(form);
        foreach (var (k, v) in values ?? [])
        {
            fields.RemoveAll(f => f.Key == k);
            fields.Add(new(k, v));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("hx-post")) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlForms.Parse(await response.BodyAsync());
    }

    private Task<BankStatementLine> LineAsync(string payer) =>
        app.WithDbAsync(db => db.BankStatementLines.OrderByDescending(l => l.Id).FirstAsync(l => l.PayerName == payer));

    private Task<InvoiceStatus> StatusAsync(Invoice invoice) =>
        app.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.Status).SingleAsync());

    [Fact]
    public async Task A_clear_credit_is_posted_automatically_on_import_and_the_members_figures_follow()
    {
        var client = await TreasurerAsync();
        var (bank, kana) = NewFamily();
        var member = await new MemberBuilder().Named("自動 一郎", kana + " イチロウ").CreateAsync(app);
        var invoice = await InvoiceAsync(member, 5_000);
        var payer = $"{member.MemberNumber} {bank} ｲﾁﾛｳ";

        var url = await ImportAsync(client, NewAccount(), (5_000, payer));

        var page = await client.GetDocumentAsync(url);
        var row = Row(page, "auto-lines", payer);
        Assert.Contains("自動消込", row.TextContent);
        Assert.Contains($"{invoice.InvoiceNumber}：5,000円", row.TextContent);
        Assert.Equal(InvoiceStatus.Paid, await StatusAsync(invoice));
        var line = await LineAsync(payer);
        Assert.Equal(BankLineStatus.AutoApplied, line.Status);
        Assert.Null(line.DecidedByName);
        var payment = await app.WithDbAsync(db => db.Payments.Include(p => p.Allocations).SingleAsync(p => p.BankLineId == line.Id));
        Assert.Equal(member.Id, payment.MemberId);
        Assert.Equal(new Yen(5_000), Assert.Single(payment.Allocations).Amount);
        var stats = await app.WithDbAsync(db => db.MemberStats.SingleAsync(s => s.MemberId == member.Id));
        Assert.Equal((1, new Yen(5_000)), (stats.PaymentCount, stats.DuesTotal));
        // Automatic postings teach no remembered payer: only a person's decision does.
        Assert.False(await app.WithDbAsync(db => db.PayerAliases.AnyAsync(a => a.MemberId == member.Id)));
    }

    [Fact]
    public async Task The_treasurer_chooses_cautious_automatic_posting_and_a_name_whose_family_owes_the_same_is_left_for_a_person()
    {
        var client = await TreasurerAsync();
        // A husband pays his own dues by name; his wife, also a member, owes the same amount.
        async Task<(Member Husband, Invoice Invoice, string Payer)> CoupleAsync()
        {
            var (bank, kana) = NewFamily();
            var husband = await new MemberBuilder().Named("慎重 太郎", kana + " タロウ").CreateAsync(app);
            var wife = await new MemberBuilder().Named("慎重 花子", kana + " ハナコ").CreateAsync(app);
            var invoice = await InvoiceAsync(husband, 5_000);
            await InvoiceAsync(wife, 5_000);
            return (husband, invoice, $"{bank} ﾀﾛｳ");
        }
        await app.WithDbAsync(async db =>
        {
            if (await db.OrganisationSettings.AnyAsync()) return;
            db.OrganisationSettings.Add(new MemberHub.Organisation.OrganisationSettings { Name = "特定非営利活動法人 みどりの会" });
            await db.SaveChangesAsync();
        });
        try
        {
            var standard = await CoupleAsync();
            await ImportAsync(client, NewAccount(), (5_000, standard.Payer));
            Assert.Equal(BankLineStatus.AutoApplied, (await LineAsync(standard.Payer)).Status);

            var settings = await client.GetDocumentAsync("/Payments/AutoPosting");
            Assert.True(((IHtmlInputElement)settings.QuerySelector("#mode-Standard")!).IsChecked);
            var stale = await client.SubmitFormAsync(settings, "/Payments/AutoPosting",
                new Dictionary<string, string> { ["mode"] = "Cautious", ["version"] = "-1" }, "#auto-posting-form");
            Assert.Contains("同時に更新しました", await stale.BodyAsync());
            var saved = await client.SubmitFormAsync(settings, "/Payments/AutoPosting",
                new Dictionary<string, string> { ["mode"] = "Cautious" }, "#auto-posting-form");
            saved.AssertRedirectTo("/Payments/AutoPosting");
            var after = await client.GetDocumentAsync("/Payments/AutoPosting");
            Assert.Contains("「慎重」にしました", after.Body!.TextContent);
            Assert.True(((IHtmlInputElement)after.QuerySelector("#mode-Cautious")!).IsChecked);
            Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
                a.EntityType == "OrganisationSettings" && a.Field == "AutoPosting" && a.Before == "Standard" && a.After == "Cautious")));

            var cautious = await CoupleAsync();
            var url = await ImportAsync(client, NewAccount(), (5_000, cautious.Payer));
            Assert.Equal(BankLineStatus.Unprocessed, (await LineAsync(cautious.Payer)).Status);
            Assert.Equal(InvoiceStatus.Unpaid, await StatusAsync(cautious.Invoice));
            var row = Row(await client.GetDocumentAsync(url), "suggested-lines", cautious.Payer);
            Assert.Contains(cautious.Husband.Name, row.QuerySelector(".candidate.first")!.TextContent);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                var settings = await db.OrganisationSettings.SingleAsync();
                settings.AutoPosting = MemberHub.Payments.AutoPostingMode.Standard;
                settings.Version++;
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task Two_transfers_in_one_file_for_the_same_invoice_are_both_left_for_the_treasurer_with_the_reason()
    {
        var client = await TreasurerAsync();
        var (bank, kana) = NewFamily();
        // A member and, in the same file, a relative whose name happens to be hers plus her own transfer less the fee.
        var member = await new MemberBuilder().Named("重複 美紀", kana + " ミキ").CreateAsync(app);
        var invoice = await InvoiceAsync(member, 5_000);
        var relative = $"{bank} ﾐｷ";
        var own = $"{bank} ﾐｻｷ";

        var url = await ImportAsync(client, NewAccount(), (5_000, relative), (4_780, own));

        var page = await client.GetDocumentAsync(url);
        var row = Row(page, "suggested-lines", relative);
        Assert.Contains("同じ請求への振込が他にも", row.TextContent);
        Assert.Contains(member.Name, row.QuerySelector(".candidate.first")!.TextContent);
        Assert.Equal(InvoiceStatus.Unpaid, await StatusAsync(invoice));
        Assert.Equal(BankLineStatus.Unprocessed, (await LineAsync(relative)).Status);
    }

    [Fact]
    public async Task A_large_import_shows_the_first_rows_of_a_group_with_the_whole_count_and_the_rest_on_request()
    {
        var client = await TreasurerAsync();
        var (bank, _) = NewFamily();
        // 205 transfers from nobody in the register (no candidate): the 未照合 group.
        var notices = Enumerable.Range(0, 205).Select(i => (1_000L + i, $"{bank} ﾌﾒｲ{(char)('ｱ' + i % 40)}{(char)('ｱ' + i / 40)}")).ToArray();

        var url = await ImportAsync(client, NewAccount(), notices);

        var page = await client.GetDocumentAsync(url);
        Assert.Equal("205", page.QuerySelector("[data-count='unmatched']")!.TextContent.Trim());
        Assert.Equal(ReconciliationView.DefaultRowsShown, page.QuerySelectorAll("#unmatched-lines tbody tr").Length);
        var more = page.QuerySelector(".more-rows[data-group='unmatched']")!;
        Assert.Contains("ほか5件は表示していません", more.TextContent);

        var all = await client.GetDocumentAsync(more.QuerySelector("a")!.GetAttribute("href")!.Split('#')[0]);
        Assert.Equal(205, all.QuerySelectorAll("#unmatched-lines tbody tr").Length);
        Assert.Null(all.QuerySelector(".more-rows[data-group='unmatched']"));
    }

    [Fact]
    public async Task Undo_reverses_the_payment_keeps_both_rows_and_puts_the_line_back_to_unprocessed()
    {
        var client = await TreasurerAsync();
        var (bank, kana) = NewFamily();
        var member = await new MemberBuilder().Named("取消 二郎", kana + " ジロウ").CreateAsync(app);
        var invoice = await InvoiceAsync(member, 5_000);
        var payer = $"{member.MemberNumber} {bank} ｼﾞﾛｳ";
        var url = await ImportAsync(client, NewAccount(), (5_000, payer));
        var page = await client.GetDocumentAsync(url);
        var line = await LineAsync(payer);

        var refused = await PostAsync(client, page, $"#line-{line.Id} form.undo-form", new() { ["reason"] = "" });
        Assert.Contains("取消の理由を入力してください", refused.QuerySelector("#decision-message")!.TextContent);
        Assert.Equal(InvoiceStatus.Paid, await StatusAsync(invoice));

        var groups = await PostAsync(client, page, $"#line-{line.Id} form.undo-form", new() { ["reason"] = "別の会員の振込でした" });

        Assert.Contains("取り消し", groups.QuerySelector("#decision-message")!.TextContent);
        Assert.Null(groups.QuerySelector($"#auto-lines #line-{line.Id}"));
        Assert.NotNull(groups.QuerySelector($"#suggested-lines #line-{line.Id}, #unmatched-lines #line-{line.Id}"));
        Assert.Equal("0", groups.QuerySelector("[data-count=auto]")!.TextContent.Trim());
        Assert.Equal(InvoiceStatus.Unpaid, await StatusAsync(invoice));
        var payments = await app.WithDbAsync(db => db.Payments.Where(p => p.BankLineId == line.Id).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(2, payments.Count);
        Assert.Equal(payments[0].Id, payments[1].ReversesPaymentId);
        Assert.Equal("別の会員の振込でした", payments[0].ReversalReason);
        var after = await LineAsync(payer);
        Assert.Equal(BankLineStatus.Unprocessed, after.Status);
        Assert.Contains("別の会員の振込でした", after.DecisionNote);
        var stats = await app.WithDbAsync(db => db.MemberStats.SingleAsync(s => s.MemberId == member.Id));
        Assert.Equal(0, stats.PaymentCount);
    }

    [Fact]
    public async Task Confirming_a_suggestion_posts_it_remembers_the_payer_and_the_next_import_proposes_that_member_first()
    {
        var client = await TreasurerAsync();
        var (bank, kana) = NewFamily();
        // Two members of the same reading: never automatic, a suggestion for a person.
        var first = await new MemberBuilder().Named("同名 三郎", kana + " サブロウ").CreateAsync(app);
        var second = await new MemberBuilder().Named("同名 三郎", kana + " サブロウ").CreateAsync(app);
        var invFirst = await InvoiceAsync(first, 5_000);
        var invSecond = await InvoiceAsync(second, 5_000);
        var payer = $"{bank} ｻﾌﾞﾛｳ";
        var url = await ImportAsync(client, NewAccount(), (5_000, payer));
        var page = await client.GetDocumentAsync(url);
        var line = await LineAsync(payer);
        var row = Row(page, "suggested-lines", payer);
        Assert.Equal(2, row.QuerySelectorAll(".candidate").Length);
        Assert.NotNull(row.QuerySelector("button.confirm-first"));

        // The treasurer knows it is the second one and confirms that candidate.
        var form = row.QuerySelectorAll(".candidate form").Single(f => f.QuerySelector($"input[name=memberId][value='{second.Id}']") is not null);
        form.SetAttribute("id", "chosen");
        var groups = await PostAsync(client, page, "#chosen");

        Assert.Contains("入金を記録しました", groups.QuerySelector("#decision-message")!.TextContent);
        Assert.Contains(second.Name, groups.QuerySelector($"#done-lines #line-{line.Id}")!.TextContent);
        Assert.Equal(InvoiceStatus.Paid, await StatusAsync(invSecond));
        Assert.Equal(InvoiceStatus.Unpaid, await StatusAsync(invFirst));
        var decided = await LineAsync(payer);
        Assert.Equal(BankLineStatus.Confirmed, decided.Status);
        Assert.False(string.IsNullOrEmpty(decided.DecidedByName));
        var alias = await app.WithDbAsync(db => db.PayerAliases.SingleAsync(a => a.MemberId == second.Id));
        Assert.Equal(payer, alias.PayerName);
        Assert.Equal(MemberHub.Payments.PayerNameNormalizer.ForMatching(payer), alias.PayerKey);
        Assert.Equal(1, (await app.WithDbAsync(db => db.MemberStats.SingleAsync(s => s.MemberId == second.Id))).PaymentCount);

        // Next year's dues: the remembered payer puts the second member first.
        var next = await InvoiceAsync(second, 5_000, 2027);
        await InvoiceAsync(first, 3_000, 2027);
        var url2 = await ImportAsync(client, NewAccount(), (5_000, payer));
        var page2 = await client.GetDocumentAsync(url2);
        var firstCandidate = Row(page2, "suggested-lines", payer).QuerySelector(".candidate.first")!.TextContent;
        Assert.Contains($"{second.MemberNumber} {second.Name}", firstCandidate);
        Assert.Contains(next.InvoiceNumber, firstCandidate);
        Assert.Contains("記憶した振込人", firstCandidate);

        // Undoing the first confirmation (it was the wrong member after all) forgets the payer it taught, so the next
        // import cannot post to that member on the strength of a mistake.
        var page3 = await client.GetDocumentAsync(url);
        var undone = await PostAsync(client, page3, $"#line-{line.Id} form.undo-form", new() { ["reason"] = "別の会員でした" });
        Assert.Contains("取り消し", undone.QuerySelector("#decision-message")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.PayerAliases.AnyAsync(a => a.MemberId == second.Id)));
        Assert.Equal(InvoiceStatus.Unpaid, await StatusAsync(invSecond));
    }

    [Fact]
    public async Task Several_suggestions_are_confirmed_at_once()
    {
        var client = await TreasurerAsync();
        var (bankA, kanaA) = NewFamily();
        var (bankB, kanaB) = NewFamily();
        var a1 = await new MemberBuilder().Named("一括 甲", kanaA + " コウ").CreateAsync(app);
        var a2 = await new MemberBuilder().Named("一括 甲", kanaA + " コウ").CreateAsync(app);
        var b1 = await new MemberBuilder().Named("一括 乙", kanaB + " オツ").CreateAsync(app);
        var invA = await InvoiceAsync(a1, 5_000);
        await InvoiceAsync(a2, 3_000);
        // The fee deducted: never automatic.
        var invB = await InvoiceAsync(b1, 5_000);
        var (payerA, payerB) = ($"{bankA} ｺｳ", $"{bankB} ｵﾂ");
        var url = await ImportAsync(client, NewAccount(), (5_000, payerA), (4_560, payerB));
        var page = await client.GetDocumentAsync(url);
        var (lineA, lineB) = (await LineAsync(payerA), await LineAsync(payerB));
        Assert.NotNull(page.QuerySelector($"#suggested-lines #line-{lineA.Id}"));
        Assert.NotNull(page.QuerySelector($"#suggested-lines #line-{lineB.Id}"));

        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", page.AntiforgeryToken()), new("lineIds", lineA.Id.ToString()), new("lineIds", lineB.Id.ToString()),
        };
        var action = page.QuerySelector("#bulk-form")!.GetAttribute("hx-post");
        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(InvoiceStatus.Paid, await StatusAsync(invA));
        Assert.Equal(InvoiceStatus.PartlyPaid, await StatusAsync(invB));
        Assert.Equal(BankLineStatus.Confirmed, (await LineAsync(payerA)).Status);
        Assert.Equal(BankLineStatus.Confirmed, (await LineAsync(payerB)).Status);
        var done = await client.GetDocumentAsync(url);
        Assert.Contains("2件の入金を確定しました", done.Body!.TextContent);
        Assert.Equal(2, done.QuerySelectorAll("#done-lines tbody tr").Length);
    }

    [Fact]
    public async Task An_unmatched_transfer_is_split_over_a_members_invoices_with_the_rest_as_a_donation()
    {
        var client = await TreasurerAsync();
        var (_, kana) = NewFamily();
        var member = await new MemberBuilder().Named("分割 四郎", kana + " シロウ").CreateAsync(app);
        var old = await InvoiceAsync(member, 5_000, 2025);
        var current = await InvoiceAsync(member, 5_000, 2026);
        var payer = "ﾀﾞﾚｶﾉ ｵｸｻﾝ" + NewAccount()[^2..];
        var url = await ImportAsync(client, NewAccount(), (12_000, payer));
        var page = await client.GetDocumentAsync(url);
        var line = await LineAsync(payer);
        // Members of other tests share this database, so a weak look-alike may make it a suggestion; either way the
        // treasurer searches and splits from the same box.
        Assert.NotNull(page.QuerySelector($"#unmatched-lines #line-{line.Id}") ?? page.QuerySelector($"#suggested-lines #line-{line.Id}"));

        var search = HtmlForms.Parse(await (await client.GetAsync($"/Payments/Imports/Decide/{line.BankImportId}?handler=Search&lineId={line.Id}&q={member.MemberNumber}")).BodyAsync());
        var form = (IHtmlFormElement)search.QuerySelector("form.search-member")!;
        Assert.Contains(old.InvoiceNumber, form.TextContent);
        var fields = HtmlForms.FormFields(form);
        Assert.Contains(fields, f => f.Key == "Shares[0].Amount" && f.Value == "5000");   // oldest first, prefilled
        // Split by hand: 5,000 to last year, 4,000 to this year, the rest (3,000) a donation.
        fields.RemoveAll(f => f.Key is "Shares[1].Amount" or "__RequestVerificationToken");
        fields.Add(new("Shares[1].Amount", "4000"));
        fields.Add(new("__RequestVerificationToken", page.AntiforgeryToken()));
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("hx-post")) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("HX-Request", "true");
        var groups = HtmlForms.Parse(await (await client.SendAsync(request)).BodyAsync());

        Assert.Contains("入金を記録しました", groups.QuerySelector("#decision-message")!.TextContent);
        Assert.Equal(InvoiceStatus.Paid, await StatusAsync(old));
        Assert.Equal(InvoiceStatus.PartlyPaid, await StatusAsync(current));
        var payment = await app.WithDbAsync(db => db.Payments.Include(p => p.Allocations).SingleAsync(p => p.BankLineId == line.Id));
        Assert.Equal(member.Id, payment.MemberId);
        Assert.Equal(
            [(AllocationKind.Dues, 5_000L), (AllocationKind.Dues, 4_000L), (AllocationKind.Donation, 3_000L)],
            payment.Allocations.OrderBy(a => a.Kind).ThenByDescending(a => a.Amount.Value).Select(a => (a.Kind, a.Amount.Value)));
        Assert.True(await app.WithDbAsync(db => db.PayerAliases.AnyAsync(a => a.MemberId == member.Id && a.PayerName == payer)));
    }

    [Fact]
    public async Task An_amount_above_an_invoices_balance_is_refused_and_nothing_is_written()
    {
        var client = await TreasurerAsync();
        var (_, kana) = NewFamily();
        var member = await new MemberBuilder().Named("超過 五郎", kana + " ゴロウ").CreateAsync(app);
        var invoice = await InvoiceAsync(member, 5_000);
        var payer = "ﾁｶﾞｳﾋﾄ ﾃﾞｽ" + NewAccount()[^2..];
        var url = await ImportAsync(client, NewAccount(), (9_000, payer));
        var page = await client.GetDocumentAsync(url);
        var line = await LineAsync(payer);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", page.AntiforgeryToken()), new("LineId", line.Id.ToString()), new("Version", line.Version.ToString()),
            new("MemberId", member.Id.ToString()), new("Shares[0].InvoiceId", invoice.Id.ToString()), new("Shares[0].Amount", "9000"), new("RestAs", "Donation"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Payments/Imports/Decide/{line.BankImportId}?handler=Assign") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("HX-Request", "true");
        var groups = HtmlForms.Parse(await (await client.SendAsync(request)).BodyAsync());

        Assert.Contains("未納額", groups.QuerySelector("#decision-message")!.TextContent);
        Assert.Equal(InvoiceStatus.Unpaid, await StatusAsync(invoice));
        Assert.Equal(BankLineStatus.Unprocessed, (await LineAsync(payer)).Status);
        Assert.False(await app.WithDbAsync(db => db.Payments.AnyAsync(p => p.BankLineId == line.Id)));
        Assert.False(await app.WithDbAsync(db => db.PayerAliases.AnyAsync(a => a.MemberId == member.Id)));
    }

    [Theory]
    [InlineData("Donation", BankLineStatus.Donation, AllocationKind.Donation)]
    [InlineData("OtherIncome", BankLineStatus.OtherIncome, AllocationKind.OtherIncome)]
    [InlineData("ToRefund", BankLineStatus.ToRefund, AllocationKind.ToRefund)]
    public async Task A_whole_transfer_is_marked_as_donation_other_income_or_to_refund(string choice, BankLineStatus status, AllocationKind kind)
    {
        var client = await TreasurerAsync();
        var payer = "ｼﾗﾅｲ ｷﾌｼﾔ" + NewAccount()[^3..];
        var url = await ImportAsync(client, NewAccount(), (3_000, payer));
        var page = await client.GetDocumentAsync(url);
        var line = await LineAsync(payer);

        var groups = await PostAsync(client, page, $"#line-{line.Id} form.whole-line", new() { ["RestAs"] = choice });

        Assert.Contains(BankLineLabels.Of(status), groups.QuerySelector($"#done-lines #line-{line.Id}")!.TextContent);
        Assert.Equal(status, (await LineAsync(payer)).Status);
        var payment = await app.WithDbAsync(db => db.Payments.Include(p => p.Allocations).SingleAsync(p => p.BankLineId == line.Id));
        Assert.Null(payment.MemberId);
        Assert.Equal((kind, 3_000L), (Assert.Single(payment.Allocations).Kind, payment.Allocations[0].Amount.Value));
    }

    [Fact]
    public async Task A_cancellation_notice_in_a_later_file_reverses_the_automatic_posting()
    {
        var client = await TreasurerAsync();
        var (bank, kana) = NewFamily();
        var member = await new MemberBuilder().Named("取消通知 六郎", kana + " ロクロウ").CreateAsync(app);
        var invoice = await InvoiceAsync(member, 5_000);
        var payer = $"{member.MemberNumber} {bank} ﾛｸﾛｳ";
        var account = NewAccount();
        await ImportAsync(client, account, (5_000, payer));
        Assert.Equal(InvoiceStatus.Paid, await StatusAsync(invoice));

        var cancellation = ZenginRecord.File("\r\n",
            ZenginRecord.NoticeHeader(created: "081121", from: "081121", to: "081121", account: account),
            ZenginRecord.Notice(1, "081119", 5_000, payer, cancel: true),
            ZenginRecord.NoticeTrailer(1, 5_000, cancelCount: 1, cancelTotal: 5_000),
            ZenginRecord.End());
        var url = await UploadAndConfirmAsync(client, cancellation);

        Assert.Equal(InvoiceStatus.Unpaid, await StatusAsync(invoice));
        var original = await app.WithDbAsync(db => db.BankStatementLines.SingleAsync(l => l.PayerName == payer && l.CancelsLineKey == null));
        Assert.Equal(BankLineStatus.NotApplicable, original.Status);
        Assert.Contains("取消通知", original.DecisionNote);
        var payments = await app.WithDbAsync(db => db.Payments.Where(p => p.BankLineId == original.Id).ToListAsync());
        Assert.Equal(2, payments.Count);
        var page = await client.GetDocumentAsync(url);
        Assert.Contains("取り消しました", page.QuerySelector("#other-lines")!.TextContent);
    }

    [Fact]
    public async Task Staff_see_the_screen_without_buttons_and_cannot_post()
    {
        var client = await TreasurerAsync();
        var payer = "ﾐﾙﾀﾞｹ ﾉﾋﾄ" + NewAccount()[^3..];
        var url = await ImportAsync(client, NewAccount(), (3_000, payer));
        var line = await LineAsync(payer);

        var staff = (await app.SignInAsAsync(Roles.Staff)).Http;
        var page = await staff.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector($"#unmatched-lines #line-{line.Id}"));
        Assert.Empty(page.QuerySelectorAll("form[action*='/Payments/Imports/Decide']"));
        Assert.Contains("閲覧のみ", page.Body!.TextContent);
        var response = await staff.PostAsync($"/Payments/Imports/Decide/{line.BankImportId}?handler=Assign",
            new FormUrlEncodedContent([new("__RequestVerificationToken", page.AntiforgeryToken()), new("LineId", line.Id.ToString()), new("RestAs", "Donation")]));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(BankLineStatus.Unprocessed, (await LineAsync(payer)).Status);

        var volunteer = (await app.SignInAsAsync(Roles.Volunteer)).Http;
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync(url)).StatusCode);
    }
}

public class ReconciliationSqliteTests(MemberHubFactory app) : ReconciliationTests(app), IClassFixture<MemberHubFactory>;

public class ReconciliationPostgresTests(PostgresMemberHubFactory app) : ReconciliationTests(app), IClassFixture<PostgresMemberHubFactory>;
