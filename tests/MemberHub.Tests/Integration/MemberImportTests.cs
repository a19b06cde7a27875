using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using MemberHub.Auditing;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Support;
using MemberHub.Web.Pages.Setup;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration;

public abstract class MemberImportTests(MemberHubFactory app)
{
    private const string Page = "/Members/Import";

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "members", name));

    private async Task<HttpClient> StaffAsync()
    {
        app.SkipIfUnavailable();
        await app.WithDbAsync(async db =>
        {
            if (!await db.MemberClasses.AnyAsync())
            {
                db.MemberClasses.AddRange(CompleteSetupHandler.DefaultMemberClasses());
                await db.SaveChangesAsync();
            }
        });
        return (await app.SignInAsAsync(Roles.Staff)).Http;
    }

    /// <summary>The upload form as a browser sends it: multipart, with its antiforgery token and the chosen file.</summary>
    private static async Task<IHtmlDocument> UploadAsync(HttpClient client, string fixture, string encoding = "auto")
    {
        var doc = await client.GetDocumentAsync(Page);
        var form = (IHtmlFormElement)doc.QuerySelector("main form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in HtmlForms.FormFields(form).Where(f => f.Key != "Input.Encoding"))
            content.Add(new StringContent(v), k);
        content.Add(new StringContent(encoding), "Input.Encoding");
        var file = new ByteArrayContent(Fixture(fixture));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", fixture);
        var response = await client.PostAsync(form.GetAttribute("action"), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlForms.Parse(await response.BodyAsync());
    }

    private static async Task<IHtmlDocument> PreviewAsync(HttpClient client, IHtmlDocument mapping, Dictionary<string, string>? changes = null)
    {
        var response = await client.SubmitFormAsync(mapping, Page, changes ?? [], "main form[action*='handler=Preview']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlForms.Parse(await response.BodyAsync());
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, IHtmlDocument preview) =>
        client.SubmitFormAsync(preview, Page, new Dictionary<string, string>(), "main form[action*='handler=Import']");

    private static string Selected(IHtmlDocument doc, string header)
    {
        var row = doc.QuerySelectorAll("main table tbody tr").First(tr => tr.QuerySelector("th")!.TextContent.Trim() == header);
        return ((IHtmlSelectElement)row.QuerySelector("select")!).Value ?? "";
    }

    private string ImportFolder => Path.Combine(app.DataFolder, "import-temp");

    [Fact]
    public async Task A_utf8_file_with_bom_is_mapped_from_its_headers_previewed_and_imported_with_audit()
    {
        var client = await StaffAsync();
        var mapping = await UploadAsync(client, "members-utf8-bom.csv");
        Assert.Contains("UTF-8（BOM付き）", mapping.Body!.TextContent);
        Assert.Equal(nameof(MemberImportField.MemberNumber), Selected(mapping, "会員番号"));
        Assert.Equal(nameof(MemberImportField.NameKana), Selected(mapping, "フリガナ"));
        Assert.Equal(nameof(MemberImportField.PostalCode), Selected(mapping, "〒"));
        Assert.Equal(nameof(MemberImportField.MobilePhone), Selected(mapping, "携帯電話"));
        Assert.Equal(nameof(MemberImportField.ContactPerson), Selected(mapping, "担当者"));
        // The file waits on the server under a random id, not in the page.
        var uploadId = ((IHtmlInputElement)mapping.QuerySelector("input[name='Input.UploadId']")!).Value;
        Assert.Matches("^[0-9a-f]{32}$", uploadId);
        Assert.True(File.Exists(Path.Combine(ImportFolder, uploadId + ".csv")));
        Assert.DoesNotContain("佐藤 花子", mapping.QuerySelectorAll("input[type=hidden]").Select(i => ((IHtmlInputElement)i).Value));

        var preview = await PreviewAsync(client, mapping);
        Assert.Equal("8行", preview.QuerySelector("#ok-count")!.TextContent.Trim());
        Assert.Equal("0行", preview.QuerySelector("#problem-count")!.TextContent.Trim());
        Assert.Null(preview.QuerySelector("#problems"));
        var button = preview.QuerySelector("main form[action*='handler=Import'] button[type=submit]:not([formaction])")!;
        Assert.False(button.HasAttribute("disabled"));

        var before = await app.WithDbAsync(db => db.Members.CountAsync());
        var done = await ImportAsync(client, preview);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/Members", done.Headers.Location?.OriginalString);
        Assert.False(File.Exists(Path.Combine(ImportFolder, uploadId + ".csv")));

        await app.WithDbAsync(async db =>
        {
            Assert.Equal(before + 8, await db.Members.CountAsync());
            var hanako = await db.Members.Include(m => m.Tags).ThenInclude(t => t.Tag).SingleAsync(m => m.MemberNumber == 5001);
            Assert.Equal("佐藤 花子", hanako.Name);
            Assert.Equal("180-0004", hanako.PostalCode);
            Assert.Equal(new DateOnly(1963, 5, 12), hanako.Birthday);
            Assert.Equal(new DateOnly(2012, 4, 1), hanako.JoinedOn);
            Assert.Equal(1, hanako.Version);
            Assert.Contains("サトウハナコ", hanako.SearchText);
            Assert.Equal(["ニュースレター", "理事"], hanako.Tags.Select(t => t.Tag!.Name).Order());

            var ichiro = await db.Members.SingleAsync(m => m.MemberNumber == 5002);
            Assert.Equal("スズキ イチロウ", ichiro.NameKana);                 // hiragana became katakana
            Assert.Equal(new DateOnly(1950, 11, 3), ichiro.Birthday);         // S25.11.3
            var keiko = await db.Members.Include(m => m.MemberClass).SingleAsync(m => m.MemberNumber == 5003);
            Assert.Equal("タカハシ ケイコ", keiko.NameKana);                  // half-width kana
            Assert.Equal(2, keiko.Units);
            Assert.Equal("賛助会員（個人）", keiko.MemberClass!.Name);
            var towa = await db.Members.SingleAsync(m => m.MemberNumber == 5004);
            Assert.Equal(MemberKind.Organisation, towa.Kind);
            Assert.Equal("田中 誠", towa.ContactPersonName);
            Assert.Equal(MemberStatus.Suspended, (await db.Members.SingleAsync(m => m.MemberNumber == 5005)).Status);
            Assert.Equal(MemberStatus.Withdrawn, (await db.Members.SingleAsync(m => m.MemberNumber == 5006)).Status);

            // Rows without a number got new ones above every kept number, and the sequence moved past them.
            var sakura = await db.Members.SingleAsync(m => m.Name == "中村 さくら");
            Assert.True(sakura.MemberNumber > 5006);
            Assert.Equal(MemberStatus.Applying, sakura.Status);
            Assert.Equal(new DateOnly(2026, 11, 1), sakura.JoinedOn);            // R8.11.1
            var seq = await db.NumberSequences.SingleAsync(s => s.Name == NumberSequence.MemberNumbers);
            var highest = await db.Members.MaxAsync(m => m.MemberNumber);
            Assert.True(seq.NextValue > highest, $"the sequence ({seq.NextValue}) must be past the highest number ({highest})");

            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Import && a.After!.Contains("8件")));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Create && a.MemberId == hanako.Id));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.MemberId == hanako.Id && a.Field == "Tags" && a.After == "理事"));
        });
    }

    [Fact]
    public async Task A_shift_jis_file_from_excel_is_detected_and_its_names_read_correctly()
    {
        var client = await StaffAsync();
        var mapping = await UploadAsync(client, "members-sjis.csv");
        Assert.Contains("Shift_JIS", mapping.QuerySelector("main p")!.TextContent);
        Assert.Equal(nameof(MemberImportField.NameKana), Selected(mapping, "ﾌﾘｶﾞﾅ"));
        Assert.Equal(nameof(MemberImportField.MemberClass), Selected(mapping, "会員区分"));
        Assert.Contains("髙橋 健一", mapping.Body!.TextContent);

        var preview = await PreviewAsync(client, mapping);
        Assert.Equal("0行", preview.QuerySelector("#problem-count")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(client, preview)).StatusCode);

        await app.WithDbAsync(async db =>
        {
            var kenichi = await db.Members.SingleAsync(m => m.Name == "髙橋 健一");
            Assert.Equal("タカハシ ケンイチ", kenichi.NameKana);
            Assert.Equal("330-0063", kenichi.PostalCode);
            Assert.Equal("さいたま市浦和区", kenichi.City);
            Assert.Equal(new DateOnly(1970, 3, 3), kenichi.Birthday);
            Assert.Equal("①会報は郵送希望", kenichi.Notes);
            Assert.Equal("備考に,カンマ", (await db.Members.SingleAsync(m => m.Name == "斎藤 博")).Notes);
            var hiroshi = await db.Members.SingleAsync(m => m.Name == "斎藤 博");
            Assert.Equal("サイトウ ヒロシ", hiroshi.NameKana);
            // The prefecture written in front of the city is taken into its own field.
            Assert.Equal(("京都府", "京都市左京区"), (hiroshi.Prefecture, hiroshi.City));
        });
    }

    [Fact]
    public async Task Reading_a_shift_jis_file_as_utf8_warns_of_garbled_text_and_reading_again_fixes_it()
    {
        var client = await StaffAsync();
        var mapping = await UploadAsync(client, "members-sjis.csv", encoding: "utf-8");
        Assert.Contains("文字化けしている可能性があります", mapping.Body!.TextContent);
        var form = (IHtmlFormElement)mapping.QuerySelector("main form[action*='handler=Preview']")!;
        var fields = HtmlForms.FormFields(form).Where(f => f.Key != "Input.Encoding").Append(new("Input.Encoding", "auto"));
        var reread = mapping.QuerySelector("button[formaction*='handler=Mapping']")!.GetAttribute("formaction");
        var response = await client.PostAsync(reread, new FormUrlEncodedContent(fields));
        var again = HtmlForms.Parse(await response.BodyAsync());
        Assert.DoesNotContain("文字化け", again.Body!.TextContent);
        Assert.Equal(nameof(MemberImportField.NameKana), Selected(again, "ﾌﾘｶﾞﾅ"));
    }

    [Fact]
    public async Task Bad_rows_are_listed_with_their_reasons_and_the_import_is_refused_leaving_the_database_as_it_was()
    {
        var client = await StaffAsync();
        await app.WithDbAsync(async db =>
        {
            var member = new Member { MemberNumber = 7100, Name = "既存 会員", NameKana = "キゾン カイイン", MemberClassId = await db.MemberClasses.Select(c => c.Id).FirstAsync(), Version = 1 };
            member.RefreshSearchText();
            db.Members.Add(member);
            // As an earlier import that kept this old number would have, move the sequence past it.
            var seq = await db.NumberSequences.SingleOrDefaultAsync(s => s.Name == NumberSequence.MemberNumbers);
            if (seq is null) db.NumberSequences.Add(new NumberSequence { Name = NumberSequence.MemberNumbers, NextValue = 7101 });
            else if (seq.NextValue <= 7100) { seq.NextValue = 7101; seq.Version++; }
            await db.SaveChangesAsync();
        });
        var before = await app.WithDbAsync(async db => (await db.Members.CountAsync(), await db.AuditEntries.CountAsync(), await db.Tags.CountAsync()));

        var preview = await PreviewAsync(client, await UploadAsync(client, "members-bad.csv"));
        Assert.Equal("2行", preview.QuerySelector("#ok-count")!.TextContent.Trim());
        Assert.Equal("5行", preview.QuerySelector("#problem-count")!.TextContent.Trim());
        var problems = preview.QuerySelectorAll("#problems tbody tr")
            .ToDictionary(tr => int.Parse(tr.Children[0].TextContent.Trim()), tr => tr.Children[2].TextContent);
        Assert.Equal([3, 4, 5, 6, 7], problems.Keys.Order());
        Assert.Contains("会員番号 7001 がファイルの中で重複しています（2行目と同じ）", problems[3]);
        Assert.Contains("会員番号 7100 は既に登録されている会員が使っています", problems[4]);
        Assert.Contains("フリガナはカタカナで入力してください（「藤田 修」）", problems[5]);
        Assert.Contains("会員種別「特別会員」は登録されていません", problems[6]);
        Assert.Contains("郵便番号「15-0005」の形式が正しくありません", problems[6]);
        Assert.Contains("メールアドレス「goto@@example」の形式が正しくありません", problems[6]);
        Assert.Contains("入会日「2026/13/1」を日付として読めません", problems[7]);
        Assert.Contains("都道府県「東京」が正しくありません", problems[7]);
        Assert.Contains("電話番号「03-12」の桁数が正しくありません", problems[7]);
        Assert.Contains("生年月日「昭和70年1月1日」を日付として読めません", problems[7]);

        var button = preview.QuerySelector("main form[action*='handler=Import'] button[type=submit]:not([formaction])")!;
        Assert.True(button.HasAttribute("disabled"));

        // Posting anyway (the button is only disabled in the browser) imports nothing.
        var forced = await ImportAsync(client, preview);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("問題のある行があるため、まだ取り込めません", await forced.BodyAsync());
        var after = await app.WithDbAsync(async db => (await db.Members.CountAsync(), await db.AuditEntries.CountAsync(), await db.Tags.CountAsync()));
        Assert.Equal(before, after);
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.MemberNumber == 7005)));
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_the_import_rolls_everything_back()
    {
        var client = await StaffAsync();
        var preview = await PreviewAsync(client, await UploadAsync(client, "members-race.csv"));
        Assert.Equal("0行", preview.QuerySelector("#problem-count")!.TextContent.Trim());

        // Between preview and import, someone registers a member under the number the sequence will hand out next
        // (as a concurrent import that kept an old number would): the first insert of the import collides.
        var nextNumber = await app.WithDbAsync(async db =>
        {
            var n = await MemberNumberAllocator.ReserveAsync(db, 1);
            var member = new Member { MemberNumber = n + 1, Name = "割込 太郎", NameKana = "ワリコミ タロウ", MemberClassId = await db.MemberClasses.Select(c => c.Id).FirstAsync(), Version = 1 };
            member.RefreshSearchText();
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return n + 1;
        });
        var before = await app.WithDbAsync(async db => (
            await db.Members.CountAsync(), await db.AuditEntries.CountAsync(), await db.Tags.CountAsync(),
            await db.NumberSequences.Where(s => s.Name == NumberSequence.MemberNumbers).Select(s => s.NextValue).SingleAsync()));
        Assert.Equal(nextNumber, before.Item4);

        var failed = await ImportAsync(client, preview);
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Contains("取り込みを中止しました。データベースは取り込み前のままです。", await failed.BodyAsync());

        var after = await app.WithDbAsync(async db => (
            await db.Members.CountAsync(), await db.AuditEntries.CountAsync(), await db.Tags.CountAsync(),
            await db.NumberSequences.Where(s => s.Name == NumberSequence.MemberNumbers).Select(s => s.NextValue).SingleAsync()));
        Assert.Equal(before, after);
        Assert.False(await app.WithDbAsync(db => db.Tags.AnyAsync(t => t.Name == "取込競合テスト")));
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "青木 翔太")));

        // Once the sequence has moved past the interloper, the same import goes through.
        await app.WithDbAsync(async db =>
        {
            var seq = await db.NumberSequences.SingleAsync(s => s.Name == NumberSequence.MemberNumbers);
            seq.NextValue = nextNumber + 1;
            seq.Version++;
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(client, preview)).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Members.CountAsync(m => m.Name == "青木 翔太" || m.Name == "坂本 真由美")));
    }

    [Theory]
    [InlineData(Roles.Treasurer)]
    [InlineData(Roles.Volunteer)]
    public async Task Treasurer_and_volunteer_may_not_import(string role)
    {
        app.SkipIfUnavailable();
        var client = (await app.SignInAsAsync(role)).Http;
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Fixture("members-race.csv")), "file", "members-race.csv" } };
        var post = await client.PostAsync(Page + "?handler=Upload", content);
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, post.StatusCode.ToString());
    }

    [Fact]
    public async Task A_file_that_is_not_csv_or_too_large_is_refused_with_a_clear_message()
    {
        var client = await StaffAsync();
        var doc = await client.GetDocumentAsync(Page);
        var token = doc.AntiforgeryToken();
        async Task<string> Post(byte[] bytes, string name)
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(bytes), "file", name },
            };
            return await (await client.PostAsync(Page + "?handler=Upload", content)).BodyAsync();
        }
        Assert.Contains("CSVファイル（拡張子 .csv）を選んでください", await Post([1, 2, 3], "名簿.xlsx"));
        Assert.Contains("ファイルが大きすぎます", await Post(new byte[5 * 1024 * 1024 + 10], "big.csv"));
        Assert.Contains("「Unicode テキスト」（UTF-16）形式です", await Post([0xFF, 0xFE, 0x0F, 0x6C], "名簿.txt"));
        Assert.Contains("CSVファイルを選んでください", await Post([], "empty.csv"));
    }
}

public class MemberImportSqliteTests(MemberHubFactory app) : MemberImportTests(app), IClassFixture<MemberHubFactory>;

public class MemberImportPostgresTests(PostgresMemberHubFactory app) : MemberImportTests(app), IClassFixture<PostgresMemberHubFactory>;
