using System.Net;
using System.Net.Http.Headers;
using MemberHub.Billing;
using MemberHub.Identity;
using MemberHub.Organisation;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Documents;

public abstract class InvoiceSettingsTests(MemberHubFactory app)
{
    private static Dictionary<string, string> Organisation(string registration) => new()
    {
        ["Input.Name"] = "NPO法人 みどりの森",
        ["Input.PostalCode"] = "150-0001",
        ["Input.Address"] = "東京都渋谷区神宮前1-2-3",
        ["Input.Representative"] = "理事長 山田 太郎",
        ["Input.Phone"] = "03-1234-5678",
        ["Input.Email"] = "info@midori.example.jp",
        ["Input.FiscalYearStartMonth"] = "4",
        ["Input.PaymentTermDays"] = "45",
        ["Input.TransferInstruction"] = "振込依頼人名の前に会員番号を入れてください。",
        ["Input.NonTaxableWording"] = "会費は不課税です。",
        ["Input.TaxRegistrationNumber"] = registration,
        ["Input.IsCertifiedNpo"] = "true",
        ["Input.CertificationNumber"] = "渋第123号",
        ["Input.CertifiedOn"] = "2024-04-01",
        ["Input.CompetentAuthority"] = "東京都",
        ["Input.CertifiedUntil"] = "2029-03-31",
    };

    [Fact]
    public async Task The_registration_number_must_be_T_and_13_digits_and_the_invoice_settings_are_saved()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignInAsAsync(Roles.Admin);

        var bad = await admin.Http.SubmitFormAsync("/Admin/Organisation", Organisation("T12345"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("登録番号は「T」と13桁の数字で入力してください", await bad.BodyAsync());

        var ok = await admin.Http.SubmitFormAsync("/Admin/Organisation", Organisation("ｔ１２３４５６７８９０１２３"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var o = await app.WithDbAsync(db => db.OrganisationSettings.AsNoTracking().SingleAsync(x => x.Id == OrganisationSettings.SingletonId));
        Assert.Equal(("T1234567890123", 45, "会費は不課税です。", true, "渋第123号", new DateOnly(2024, 4, 1)),
            (o.TaxRegistrationNumber, o.PaymentTermDays, o.NonTaxableWording, o.IsCertifiedNpo, o.CertificationNumber, o.CertifiedOn));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(OrganisationSettings) && a.Field == "TaxRegistrationNumber")));
        Assert.Equal(("東京都", new DateOnly(2029, 3, 31)), (o.CompetentAuthority, o.CertifiedUntil));

        // The end of the period must come after the day of 認定.
        var fields = Organisation("T1234567890123");
        fields["Input.CertifiedUntil"] = "2024-03-31";
        var early = await admin.Http.SubmitFormAsync("/Admin/Organisation", fields);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("有効期間の満了日は認定日より後の日にしてください", await early.BodyAsync());
    }

    [Fact]
    public async Task A_seal_is_accepted_by_its_content_and_a_text_file_named_png_is_refused()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignInAsAsync(Roles.Admin);

        var refused = await UploadAsync(admin.Http, "seal.png", "image/png", "これは画像ではありません"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("PNGまたはJPEGの画像を選んでください。", await refused.BodyAsync());
        Assert.Null(await app.WithDbAsync(db => db.OrganisationSettings.Select(o => o.SealImage).SingleOrDefaultAsync()));

        var tooBig = await UploadAsync(admin.Http, "seal.png", "image/png", new byte[1024 * 1024 + 1]);
        Assert.Contains("1MB以下", await tooBig.BodyAsync());

        // A real PNG uploaded under a misleading name and type is still a PNG.
        var png = InvoiceData.SealPng();
        var saved = await UploadAsync(admin.Http, "seal.txt", "text/plain", png);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.WithDbAsync(db => db.OrganisationSettings.Select(o => new { o.SealImage, o.SealContentType }).SingleAsync());
        Assert.Equal("image/png", stored.SealContentType);
        Assert.Equal(png, stored.SealImage);

        var preview = await admin.Http.GetAsync("/Admin/Organisation?handler=Seal");
        Assert.Equal("image/png", preview.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/Admin/Organisation?handler=Seal", await (await admin.Http.GetAsync("/Admin/Organisation")).BodyAsync());

        var removed = await admin.Http.SubmitFormAsync("/Admin/Organisation", new Dictionary<string, string>(), "form[action*='RemoveSeal']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.OrganisationSettings.Select(o => o.SealImage).SingleAsync()));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, string contentType, byte[] data)
    {
        var doc = await client.GetDocumentAsync("/Admin/Organisation");
        var content = new MultipartFormDataContent();
        content.Add(new StringContent(doc.AntiforgeryToken()), "__RequestVerificationToken");
        var file = new ByteArrayContent(data);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "sealFile", fileName);
        return await client.PostAsync("/Admin/Organisation?handler=Seal", content);
    }

    [Fact]
    public async Task Bank_accounts_are_added_with_normalised_kana_edited_and_deactivated()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignInAsAsync(Roles.Admin);
        var number = Random.Shared.Next(1_000_000, 9_999_999).ToString();

        var bad = await admin.Http.SubmitFormAsync("/Admin/BankAccounts/Edit", new Dictionary<string, string>
        {
            ["Input.BankName"] = "ゆうちょ銀行", ["Input.BranchName"] = "〇一八支店", ["Input.AccountType"] = "Ordinary",
            ["Input.AccountNumber"] = "12a4", ["Input.AccountHolderKana"] = "Midori", ["Input.SortOrder"] = "1",
        });
        var badHtml = await bad.BodyAsync();
        Assert.Contains("口座番号は数字だけで入力してください。", badHtml);
        Assert.Contains("口座名義はカタカナで入力してください", badHtml);

        var added = await admin.Http.SubmitFormAsync("/Admin/BankAccounts/Edit", new Dictionary<string, string>
        {
            ["Input.BankName"] = "ゆうちょ銀行", ["Input.BranchName"] = "〇一八支店", ["Input.AccountType"] = "Ordinary",
            ["Input.AccountNumber"] = "１２３-" + number[3..], ["Input.AccountHolderKana"] = "ﾄｸﾋ)ﾐﾄﾞﾘﾉﾓﾘ", ["Input.SortOrder"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var expected = "123" + number[3..];
        var account = await app.WithDbAsync(db => db.BankAccounts.AsNoTracking().SingleAsync(a => a.AccountNumber == expected));
        Assert.Equal("トクヒ）ミドリノモリ", account.AccountHolderKana);
        Assert.True(account.IsActive);
        Assert.Contains("トクヒ）ミドリノモリ", await (await admin.Http.GetAsync("/Admin/BankAccounts")).BodyAsync());

        var edited = await admin.Http.SubmitFormAsync($"/Admin/BankAccounts/Edit/{account.Id}", new Dictionary<string, string>
        {
            ["Input.BranchName"] = "〇一九支店", ["Input.AccountHolderKana"] = "とくひ）みどりのもり",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        account = await app.WithDbAsync(db => db.BankAccounts.AsNoTracking().SingleAsync(a => a.Id == account.Id));
        Assert.Equal(("〇一九支店", "トクヒ）ミドリノモリ"), (account.BranchName, account.AccountHolderKana));

        var off = await admin.Http.SubmitFormAsync("/Admin/BankAccounts", new Dictionary<string, string>(), $"form[action*='Deactivate'][action*='id={account.Id}']");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.BankAccounts.Where(a => a.Id == account.Id).Select(a => a.IsActive).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(BankAccount) && a.EntityId == account.Id.ToString())));
    }
}

public class InvoiceSettingsSqliteTests(MemberHubFactory app) : InvoiceSettingsTests(app), IClassFixture<MemberHubFactory>;

public class InvoiceSettingsPostgresTests(PostgresMemberHubFactory app) : InvoiceSettingsTests(app), IClassFixture<PostgresMemberHubFactory>;
