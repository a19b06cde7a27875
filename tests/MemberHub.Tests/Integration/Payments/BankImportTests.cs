using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using MemberHub.Auditing;
using MemberHub.Banking;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Identity;
using MemberHub.Payments;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using MemberHub.Tests.Unit.Payments;
using Microsoft.EntityFrameworkCore;
using BankStatementLine = MemberHub.Banking.BankStatementLine;

namespace MemberHub.Tests.Integration.Payments;

/// <summary>
/// 銀行データ取込 through HTTP: each kind of file previewed then stored, re-imports and overlapping downloads adding
/// only new lines, bad files refused with nothing stored, saved CSV mappings, proposals on the details page.
/// Tests of one class share a database, so every Zengin file gets an account number of its own.
/// </summary>
public abstract class BankImportTests(MemberHubFactory app)
{
    private const string Page = "/Payments/Import";
    private static int _account = Random.Shared.Next(100_000, 900_000);

    private static byte[] Fixture(string folder, string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, name));

    private static string NewAccount() => Interlocked.Increment(ref _account).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The fixture with its header(s) moved to fresh account numbers (7 digits for 01, 10 digits for 03).</summary>
    private static byte[] ZenginFixture(string name, params string[] accounts)
    {
        var bytes = Fixture("zengin", name);
        var pos = 0;
        var group = 0;
        while (pos + 200 <= bytes.Length)
        {
            if (bytes[pos] == (byte)'1')
            {
                var account = accounts[Math.Min(group++, accounts.Length - 1)];
                var kind03 = bytes[pos + 2] == (byte)'3';
                var text = Encoding.ASCII.GetBytes(kind03 ? account.PadLeft(10, '0') : account);
                text.CopyTo(bytes, pos + (kind03 ? 63 : 60));
            }
            pos += 200;
            if (pos < bytes.Length && bytes[pos] == '\r') pos++;
            if (pos < bytes.Length && bytes[pos] == '\n') pos++;
        }
        return bytes;
    }

    private async Task<HttpClient> TreasurerAsync()
    {
        app.SkipIfUnavailable();
        return (await app.SignInAsAsync(Roles.Treasurer)).Http;
    }

    /// <summary>The upload form as a browser sends it: multipart with its antiforgery token, the file and the CSV choices.</summary>
    private static async Task<HttpResponseMessage> PostUploadAsync(HttpClient client, byte[] bytes, string fileName, string mapping = "", string encoding = "auto")
    {
        var doc = await client.GetDocumentAsync(Page);
        var form = (IHtmlFormElement)doc.QuerySelector("main form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in HtmlForms.FormFields(form).Where(f => f.Key is not ("Input.Encoding" or "Input.Mapping")))
            content.Add(new StringContent(v), k);
        content.Add(new StringContent(encoding), "Input.Encoding");
        content.Add(new StringContent(mapping), "Input.Mapping");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return await client.PostAsync(form.GetAttribute("action"), content);
    }

    private static async Task<IHtmlDocument> UploadAsync(HttpClient client, byte[] bytes, string fileName, string mapping = "", string encoding = "auto")
    {
        var response = await PostUploadAsync(client, bytes, fileName, mapping, encoding);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlForms.Parse(await response.BodyAsync());
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, IHtmlDocument preview) =>
        client.SubmitFormAsync(preview, Page, new Dictionary<string, string>(), "main form[action*='handler=Confirm']");

    private static string Text(IHtmlDocument doc, string selector) =>
        doc.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"no {selector} in:\n{doc.Body?.TextContent}");

    private Task<(int Imports, int Lines)> CountsAsync() =>
        app.WithDbAsync(async db => (await db.BankImports.CountAsync(), await db.BankStatementLines.CountAsync()));

    private Task<List<BankStatementLine>> LinesOfAccountAsync(string accountKey) =>
        app.WithDbAsync(db => db.BankStatementLines.Where(l => l.AccountKey == accountKey).OrderBy(l => l.LineNumber).ToListAsync());

    [Fact]
    public async Task A_Zengin_transfer_notice_is_previewed_without_storing_anything_then_stored_with_its_counts()
    {
        var client = await TreasurerAsync();
        var account = NewAccount();
        var bytes = ZenginFixture("furikomi-01-crlf.txt", account);
        var before = await CountsAsync();

        var preview = await UploadAsync(client, bytes, "furikomi-01-crlf.txt");

        Assert.Equal("6件", Text(preview, "#lines-read"));
        Assert.Equal("6件", Text(preview, "#credit-count"));
        Assert.Equal("33,560円", Text(preview, "#credit-total"));
        Assert.Equal("6件", Text(preview, "#new-lines"));
        Assert.Equal("0件", Text(preview, "#known-lines"));
        Assert.Contains("ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", preview.QuerySelector("#preview-lines")!.TextContent);
        Assert.Equal(before, await CountsAsync());

        var response = await ConfirmAsync(client, preview);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Payments/Imports/Details/", response.Headers.Location!.OriginalString);
        var lines = await LinesOfAccountAsync($"9999-001-1-{account.TrimStart('0')}");
        Assert.Equal(6, lines.Count);
        Assert.All(lines, l => Assert.True(l.IsMatchCandidate));
        Assert.All(lines, l => Assert.Equal(BankLineStatus.Unprocessed, l.Status));
        Assert.Equal(33_560, lines.Sum(l => l.Credit.Value));
        Assert.Contains(lines, l => l.PayerName == "ｽｽﾞｷ ﾊﾅｺ" && l.Credit == new Yen(4_560));
        var import = await app.WithDbAsync(db => db.BankImports.SingleAsync(i => i.Id == lines[0].BankImportId));
        Assert.Equal(BankFileFormat.ZenginTransferNotice, import.Format);
        Assert.Equal((6, 6, 0, 6), (import.LinesRead, import.NewLines, import.KnownLines, import.Credits));
        Assert.Equal(new Yen(33_560), import.CreditTotal);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), import.Sha256);
        Assert.Equal("furikomi-01-crlf.txt", import.FileName);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(BankImport) && a.EntityId == import.Id.ToString())));

        var details = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("1023 ﾔﾏﾀﾞ ﾀﾛｳ", details.QuerySelector("#groups")!.TextContent);
    }

    [Fact]
    public async Task The_same_lines_again_without_separators_add_nothing_and_change_nothing()
    {
        var client = await TreasurerAsync();
        var account = NewAccount();
        var first = await UploadAsync(client, ZenginFixture("furikomi-01-crlf.txt", account), "crlf.txt");
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, first)).StatusCode);
        var before = await CountsAsync();

        var again = await UploadAsync(client, ZenginFixture("furikomi-01-no-separators.txt", account), "no-separators.txt");

        Assert.Equal("0件", Text(again, "#new-lines"));
        Assert.Equal("6件", Text(again, "#known-lines"));
        Assert.NotNull(again.QuerySelector("main form[action*='handler=Confirm'] button[disabled]"));
        var response = await ConfirmAsync(client, again);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("すべて取込済み", Text(HtmlForms.Parse(await response.BodyAsync()), "#import-notice"));
        Assert.Equal(before, await CountsAsync());

        // And the very same file a second time.
        var third = await UploadAsync(client, ZenginFixture("furikomi-01-crlf.txt", account), "crlf.txt");
        Assert.Equal("0件", Text(third, "#new-lines"));
        await ConfirmAsync(client, third);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_statement_with_two_accounts_stores_debits_too_but_only_credits_are_candidates()
    {
        var client = await TreasurerAsync();
        var (a1, a2) = (NewAccount(), NewAccount());
        var bytes = ZenginFixture("meisai-03-two-accounts.txt", a1, a2);
        var read = ZenginReader.Read(bytes, new DateOnly(2026, 11, 23));
        var total = read.Transactions.Count();

        var preview = await UploadAsync(client, bytes, "meisai.txt");

        Assert.Equal($"{total}件", Text(preview, "#lines-read"));
        Assert.Equal("4件", Text(preview, "#credit-count"));
        Assert.Equal("27,000円", Text(preview, "#credit-total"));
        Assert.Equal(2, preview.QuerySelectorAll("#accounts tbody tr").Length);
        Assert.Contains("照合しない", preview.QuerySelector("#preview-lines")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, preview)).StatusCode);

        var first = await LinesOfAccountAsync($"9999-001-1-{a1.TrimStart('0')}");
        var second = await LinesOfAccountAsync($"9999-001-1-{a2.TrimStart('0')}");
        Assert.Equal(total, first.Count + second.Count);
        Assert.Equal([5_000L, 10_000L, 3_000L], first.Where(l => l.IsMatchCandidate).Select(l => l.Credit.Value));
        Assert.Equal([9_000L], second.Where(l => l.IsMatchCandidate).Select(l => l.Credit.Value));
        var debits = first.Concat(second).Where(l => l.Debit.Value > 0).ToList();
        Assert.Equal([440L, 12_000L], debits.Select(l => l.Debit.Value).Order());
        Assert.All(debits, l => Assert.Equal(BankLineStatus.NotApplicable, l.Status));
        Assert.All(debits, l => Assert.False(l.IsMatchCandidate));
        Assert.All(first, l => Assert.Equal("9999", l.BankCode));
    }

    [Theory]
    [InlineData("mufg-style.csv", "mufg", 3, 2, "15,000円")]
    [InlineData("smbc-style.csv", "smbc", 3, 2, "8,000円")]
    [InlineData("rakuten-style.csv", "rakuten", 2, 1, "5,000円")]
    [InlineData("generic-utf8-bom.csv", "generic", 2, 1, "5,000円")]
    public async Task Each_ready_CSV_layout_is_recognised_and_imported(string fixture, string layout, int lines, int credits, string total)
    {
        var client = await TreasurerAsync();

        var preview = await UploadAsync(client, Fixture("bankcsv", fixture), fixture);

        Assert.Contains(layout, Text(preview, "#file-info"));
        Assert.Equal($"{lines}件", Text(preview, "#lines-read"));
        Assert.Equal($"{credits}件", Text(preview, "#credit-count"));
        Assert.Equal(total, Text(preview, "#credit-total"));
        Assert.Equal($"{lines}件", Text(preview, "#new-lines"));
        var response = await ConfirmAsync(client, preview);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.BankImports.Where(i => i.CsvLayoutName == layout).SingleAsync());
        Assert.Equal((lines, lines, credits), (stored.LinesRead, stored.NewLines, stored.Credits));
        Assert.Equal(lines, await app.WithDbAsync(db => db.BankStatementLines.CountAsync(l => l.BankImportId == stored.Id)));
    }

    [Fact]
    public async Task A_saved_mapping_is_corrected_archived_and_brought_back_and_Staff_may_not()
    {
        var client = await TreasurerAsync();
        var name = "ろうきん" + NewAccount();
        var id = await app.WithDbAsync(async db =>
        {
            var m = new BankCsvMapping
            {
                Name = name, AccountName = name + " 普通", Encoding = "auto", HeaderRow = 1, DateColumn = "取扱日", CreditColumn = "お預り金額",
                DebitColumn = "お支払金額", PayerColumn = "摘要", CreatedAt = DateTime.UtcNow, CreatedByName = "会計",
            };
            db.BankCsvMappings.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

        var list = await client.GetDocumentAsync("/Payments/Mappings");
        Assert.Contains(name, list.QuerySelector($"[data-mapping='{id}']")!.TextContent);
        var edit = await client.GetDocumentAsync($"/Payments/Mappings/Edit/{id}");
        Assert.Equal("摘要", edit.QuerySelector("#Input_PayerColumn")!.GetAttribute("value"));

        // Both ways of giving the amount at once: refused with the reason, nothing changed.
        var refused = await client.SubmitFormAsync(edit, $"/Payments/Mappings/Edit/{id}",
            new Dictionary<string, string> { ["Input.AmountColumn"] = "金額" }, "#mapping-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("どちらか一方で入力してください", await refused.BodyAsync());

        var saved = await client.SubmitFormAsync(edit, $"/Payments/Mappings/Edit/{id}",
            new Dictionary<string, string> { ["Input.PayerColumn"] = "ご依頼人・内容", ["Input.BalanceColumn"] = "差引残高" }, "#mapping-form");
        saved.AssertRedirectTo("/Payments/Mappings");
        var after = await app.WithDbAsync(db => db.BankCsvMappings.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(("ご依頼人・内容", "差引残高", name), (after.PayerColumn, after.BalanceColumn, after.Name));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(BankCsvMapping) && a.EntityId == id.ToString()
            && a.Field == nameof(BankCsvMapping.PayerColumn) && a.Before == "摘要" && a.After == "ご依頼人・内容")));

        // Archived: no longer offered on the import page; back again: offered.
        list = await client.GetDocumentAsync("/Payments/Mappings");
        (await client.SubmitFormAsync(list, $"/Payments/Mappings?handler=Archive&id={id}&archived=True", new Dictionary<string, string>(),
            $"[data-mapping='{id}'] form")).AssertRedirectTo("/Payments/Mappings");
        Assert.DoesNotContain($"saved:{id}", (await client.GetDocumentAsync("/Payments/Import")).QuerySelector("#mapping")!.InnerHtml);
        list = await client.GetDocumentAsync("/Payments/Mappings");
        Assert.Contains("一覧に戻す", list.QuerySelector($"[data-mapping='{id}']")!.TextContent);
        (await client.SubmitFormAsync(list, $"/Payments/Mappings?handler=Archive&id={id}&archived=False", new Dictionary<string, string>(),
            $"[data-mapping='{id}'] form")).AssertRedirectTo("/Payments/Mappings");
        Assert.Contains($"saved:{id}", (await client.GetDocumentAsync("/Payments/Import")).QuerySelector("#mapping")!.InnerHtml);

        var staff = (await app.SignInAsAsync(Roles.Staff)).Http;
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Payments/Mappings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/Payments/Mappings/Edit/{id}")).StatusCode);
    }

    private static string Csv(params string[] rows) => "取扱日,お支払金額,お預り金額,ご依頼人・内容,差引残高\r\n" + string.Join("\r\n", rows) + "\r\n";

    [Fact]
    public async Task A_new_mapping_is_set_from_the_header_saved_and_reused_and_overlapping_downloads_add_only_new_lines()
    {
        var client = await TreasurerAsync();
        var name = "しんきん" + NewAccount();
        var days1to3 = Encoding.UTF8.GetBytes(Csv(
            "2026/11/01,,5000,ﾀﾅｶ ｹﾝｲﾁ,105000",
            "2026/11/02,440,,ﾃｽｳﾘﾖｳ,104560",
            "2026/11/03,,10000,ｻﾄｳ ﾏｺﾄ,114560"));
        var days3to5 = Encoding.UTF8.GetBytes(Csv(
            "2026/11/03,,10000,ｻﾄｳ ﾏｺﾄ,114560",
            "2026/11/04,,3000,ｽｽﾞｷ ﾊﾅｺ,117560",
            "2026/11/05,,5000,ﾀｶﾊｼ ﾐｻｷ,122560"));

        // Without a mapping the header matches no ready layout: a clear message and nothing kept.
        var unknown = await UploadAsync(client, days1to3, "shinkin.csv");
        Assert.Contains("どの銀行の形式とも一致しません", Text(unknown, "#import-error"));

        var mapping = await UploadAsync(client, days1to3, "shinkin.csv", mapping: "new");
        var options = mapping.QuerySelectorAll("#nm-DateColumn option").Select(o => o.TextContent).ToList();
        Assert.Equal(["（使わない）", "取扱日", "お支払金額", "お預り金額", "ご依頼人・内容", "差引残高"], options);
        var incomplete = await client.SubmitFormAsync(mapping, Page, new Dictionary<string, string> { ["NewMapping.Name"] = name }, "#mapping-form");
        Assert.Contains("「日付」の列を選んでください", Text(HtmlForms.Parse(await incomplete.BodyAsync()), "#mapping-form .alert-danger"));

        var saved = await client.SubmitFormAsync(mapping, Page, new Dictionary<string, string>
        {
            ["NewMapping.Name"] = name,
            ["NewMapping.AccountName"] = name + " 普通 7654321",
            ["NewMapping.DateColumn"] = "取扱日",
            ["NewMapping.CreditColumn"] = "お預り金額",
            ["NewMapping.DebitColumn"] = "お支払金額",
            ["NewMapping.PayerColumn"] = "ご依頼人・内容",
            ["NewMapping.BalanceColumn"] = "差引残高",
        }, "#mapping-form");
        var preview = HtmlForms.Parse(await saved.BodyAsync());
        Assert.Equal("3件", Text(preview, "#lines-read"));
        Assert.Equal("2件", Text(preview, "#credit-count"));
        Assert.Equal("15,000円", Text(preview, "#credit-total"));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, preview)).StatusCode);

        var stored = await app.WithDbAsync(db => db.BankCsvMappings.SingleAsync(m => m.Name == name));
        Assert.Equal(("お預り金額", "お支払金額", "ご依頼人・内容"), (stored.CreditColumn, stored.DebitColumn, stored.PayerColumn));

        // The next download overlaps on day 3; the saved mapping is offered by name.
        var upload = await client.GetDocumentAsync(Page);
        Assert.Contains(upload.QuerySelectorAll("#mapping option"), o => o.GetAttribute("value") == "saved:" + stored.Id && o.TextContent.Contains(name));
        var second = await UploadAsync(client, days3to5, "shinkin-2.csv", mapping: "saved:" + stored.Id);
        Assert.Equal("3件", Text(second, "#lines-read"));
        Assert.Equal("2件", Text(second, "#new-lines"));
        Assert.Equal("1件", Text(second, "#known-lines"));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, second)).StatusCode);

        var lines = await LinesOfAccountAsync("csv:" + name + " 普通 7654321");
        Assert.Equal(5, lines.Count);
        Assert.Equal(["ﾀﾅｶ ｹﾝｲﾁ", "ﾃｽｳﾘﾖｳ", "ｻﾄｳ ﾏｺﾄ", "ｽｽﾞｷ ﾊﾅｺ", "ﾀｶﾊｼ ﾐｻｷ"], lines.OrderBy(l => l.BookedOn).ThenBy(l => l.Id).Select(l => l.PayerName));
        var imports = await app.WithDbAsync(db => db.BankImports.Where(i => i.CsvLayoutName == name).OrderBy(i => i.Id).ToListAsync());
        Assert.Equal([(3, 0), (2, 1)], imports.Select(i => (i.NewLines, i.KnownLines)));
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "bad-trailer", "合計" },
        { "ebcdic", "EBCDIC" },
        { "utf8", "UTF-8に変換されています" },
        { "short-record", "200バイト" },
        { "wrong-layout", "形式と合いません" },
        { "unknown-csv", "どの銀行の形式とも一致しません" },
        { "empty-amount-column", "金額" },
    };

    private static byte[] BadFile(string kind) => kind switch
    {
        "bad-trailer" => ZenginFixture("furikomi-01-bad-trailer.txt", NewAccount()),
        "ebcdic" => [0xF1, 0xF0, 0xF1, .. Enumerable.Repeat((byte)0x40, 197)],
        "utf8" => Encoding.UTF8.GetBytes(BankEncodings.ShiftJis.GetString(ZenginFixture("furikomi-01-crlf.txt", NewAccount()))),
        "short-record" => ShortRecord(),
        "wrong-layout" => Fixture("bankcsv", "smbc-style.csv"),
        "unknown-csv" => Encoding.UTF8.GetBytes("氏名,金額\r\n山田,5000\r\n"),
        "empty-amount-column" => Encoding.UTF8.GetBytes("日付,摘要,出金額,入金額,残高\r\n2026/11/01,ﾀﾅｶ ｹﾝｲﾁ,,ごせんえん,5000\r\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The second record 10 bytes short, its CRLF kept.</summary>
    private static byte[] ShortRecord()
    {
        var bytes = ZenginFixture("furikomi-01-crlf.txt", NewAccount());
        return [.. bytes.Take(202 + 190), .. bytes.Skip(202 + 200)];
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_is_not_valid_is_refused_in_Japanese_and_nothing_of_it_is_stored(string kind, string message)
    {
        var client = await TreasurerAsync();
        var before = await CountsAsync();

        var page = await UploadAsync(client, BadFile(kind), kind + ".txt", mapping: kind == "wrong-layout" ? "preset:mufg" : "");

        var error = Text(page, "#import-error");
        Assert.Contains("取り込めません。何も保存していません。", error);
        Assert.Contains(message, error);
        Assert.Null(page.QuerySelector("main form[action*='handler=Confirm']"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_file_over_5MB_is_refused_with_a_Japanese_message()
    {
        var client = await TreasurerAsync();
        var before = await CountsAsync();
        var big = new byte[5 * 1024 * 1024 + 100];
        Array.Fill(big, (byte)'1');

        var page = await UploadAsync(client, big, "big.txt");

        Assert.Contains("ファイルが大きすぎます", Text(page, "#import-error"));
        Assert.Equal(before, await CountsAsync());
        Assert.Empty(Directory.Exists(Path.Combine(app.DataFolder, "import-temp"))
            ? Directory.GetFiles(Path.Combine(app.DataFolder, "import-temp"), "*", SearchOption.TopDirectoryOnly).Where(f => new FileInfo(f).Length > 5_000_000)
            : []);
    }

    [Fact]
    public async Task Two_confirmations_of_one_preview_store_the_lines_once()
    {
        var client = await TreasurerAsync();
        var account = NewAccount();
        var preview = await UploadAsync(client, ZenginFixture("furikomi-01-crlf.txt", account), "twice.txt");

        var both = await Task.WhenAll(ConfirmAsync(client, preview), ConfirmAsync(client, preview));

        Assert.Contains(both, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(6, (await LinesOfAccountAsync($"9999-001-1-{account.TrimStart('0')}")).Count);
        Assert.Equal(1, await app.WithDbAsync(db => db.BankStatementLines.Where(l => l.AccountKey == $"9999-001-1-{account.TrimStart('0')}")
            .Select(l => l.BankImportId).Distinct().CountAsync()));
    }

    [Fact]
    public async Task Staff_see_the_imports_but_cannot_import_and_volunteers_see_nothing()
    {
        app.SkipIfUnavailable();
        var staff = (await app.SignInAsAsync(Roles.Staff)).Http;
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Payments/Imports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(Page)).StatusCode);
        var list = await staff.GetDocumentAsync("/Payments/Imports");
        Assert.Null(list.QuerySelector("main a[href='/Payments/Import']"));
        var landing = await staff.GetDocumentAsync("/Payments");
        Assert.Null(landing.QuerySelector("main a[href='/Payments/Import']"));
        Assert.NotNull(landing.QuerySelector("main a[href='/Payments/Imports']"));

        var volunteer = (await app.SignInAsAsync(Roles.Volunteer)).Http;
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/Payments/Imports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/Payments")).StatusCode);

        var admin = (await app.SignInAsAsync(Roles.Admin)).Http;
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Page)).StatusCode);
    }

    /// <summary>An open invoice written straight into the database, as the billing pages would issue it.</summary>
    private static async Task<Invoice> InvoiceAsync(MemberHub.Data.MemberHubDbContext db, MemberHub.Members.Member member, long amount, int year = 2026)
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
    }

    [Fact]
    public async Task The_details_show_credits_first_with_the_matchers_proposal_against_open_invoices_and_remembered_payers()
    {
        var client = await TreasurerAsync();
        var yamada = await new MemberBuilder().Named("山田 太郎", "ヤマダ タロウ").CreateAsync(app);
        var kobayashi = await new MemberBuilder().Named("小林 優子", "コバヤシ ユウコ").CreateAsync(app);
        var employer = await new MemberBuilder().Named("森 一郎", "モリ イチロウ").CreateAsync(app);
        var (invYamada, invKobayashi, invEmployer) = await app.WithDbAsync(async db =>
            (await InvoiceAsync(db, yamada, 5_000), await InvoiceAsync(db, kobayashi, 3_000), await InvoiceAsync(db, employer, 10_000)));
        await app.WithDbAsync(async db =>
        {
            db.PayerAliases.Add(new MemberHub.Banking.PayerAlias
            {
                PayerKey = PayerNameNormalizer.Parse("ｶ)ﾓﾘｼﾖｳｼﾞ").LooseKey, PayerName = "ｶ)ﾓﾘｼﾖｳｼﾞ", MemberId = employer.Id,
                CreatedAt = DateTime.UtcNow, CreatedByName = "会計 花子",
            });
            await db.SaveChangesAsync();
        });
        var account = NewAccount();
        var file = ZenginRecord.File("\r\n",
            ZenginRecord.NoticeHeader(created: "081120", from: "081118", to: "081120", account: account),
            ZenginRecord.Notice(1, "081118", 5_000, $"{yamada.MemberNumber} ﾔﾏﾀﾞ ﾀﾛｳ"),
            ZenginRecord.Notice(2, "081119", 3_000, $"ｺﾊﾞﾔｼ ﾕｳｺ{kobayashi.MemberNumber}"),
            ZenginRecord.Notice(3, "081120", 10_000, "ｶ)ﾓﾘｼﾖｳｼﾞ"),
            ZenginRecord.Notice(4, "081120", 7_777, "ﾀﾞﾚﾃﾞﾓﾅｲ ｼﾞﾛｳ"),
            ZenginRecord.NoticeTrailer(4, 25_777),
            ZenginRecord.End());

        var response = await ConfirmAsync(client, await UploadAsync(client, file, "proposals.txt"));
        var details = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);

        // The member number with the name and the exact amount: posted automatically right after the import.
        var autoRow = details.QuerySelectorAll("#auto-lines tbody tr").Single(r => r.TextContent.Contains("ﾔﾏﾀﾞ ﾀﾛｳ"));
        Assert.Contains($"{yamada.MemberNumber} 山田 太郎", autoRow.TextContent);
        Assert.Contains($"{invYamada.InvoiceNumber}：5,000円", autoRow.TextContent);
        Assert.Equal(InvoiceStatus.Paid, await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == invYamada.Id).Select(i => i.Status).SingleAsync()));
        // The name with the number, the remembered employer: suggestions or automatic, each with its member first.
        var text = details.QuerySelector("#groups")!.TextContent;
        Assert.Contains($"{kobayashi.MemberNumber} 小林 優子", text);
        Assert.Contains(invKobayashi.InvoiceNumber, text);
        Assert.Contains($"{employer.MemberNumber} 森 一郎", text);
        Assert.Contains(invEmployer.InvoiceNumber, text);
        var strangerRow = details.QuerySelectorAll("#unmatched-lines tbody tr").Single(r => r.TextContent.Contains("ﾀﾞﾚﾃﾞﾓﾅｲ"));
        Assert.Contains("7,777円", strangerRow.TextContent);

        var list = await client.GetDocumentAsync("/Payments/Imports");
        Assert.Contains("proposals.txt", list.QuerySelector("#imports")!.TextContent);
    }

    [Fact]
    public async Task A_wrong_remembered_payer_can_be_removed_and_the_removal_is_audited()
    {
        var client = await TreasurerAsync();
        var member = await new MemberBuilder().Named("佐藤 誠", "サトウ マコト").CreateAsync(app);
        var payer = "ｻﾄｳ ｼﾞﾛｳ" + NewAccount()[^3..];
        var aliasId = await app.WithDbAsync(async db =>
        {
            var a = new MemberHub.Banking.PayerAlias
            {
                PayerKey = PayerNameNormalizer.Parse(payer).LooseKey, PayerName = payer, MemberId = member.Id,
                CreatedAt = DateTime.UtcNow, CreatedByName = "会計 花子",
            };
            db.PayerAliases.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

        var page = await client.GetDocumentAsync("/Payments/Aliases?q=" + Uri.EscapeDataString(payer));
        var row = page.QuerySelectorAll("#aliases tbody tr").Single();
        Assert.Contains(member.Name, row.TextContent);
        var response = await client.SubmitFormAsync(page, "/Payments/Aliases", new Dictionary<string, string>(), "#aliases form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.PayerAliases.AnyAsync(a => a.Id == aliasId)));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(MemberHub.Banking.PayerAlias) && a.EntityId == aliasId.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditActions.Delete);

        var staff = (await app.SignInAsAsync(Roles.Staff)).Http;
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Payments/Aliases")).StatusCode);
    }
}

public class BankImportSqliteTests(MemberHubFactory app) : BankImportTests(app), IClassFixture<MemberHubFactory>;

public class BankImportPostgresTests(PostgresMemberHubFactory app) : BankImportTests(app), IClassFixture<PostgresMemberHubFactory>;
