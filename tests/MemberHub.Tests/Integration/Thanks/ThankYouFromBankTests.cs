using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using MemberHub.Identity;
using MemberHub.Tests.Integration.Collection;
using MemberHub.Tests.Support;
using MemberHub.Tests.Unit.Payments;
using MemberHub.Thanks;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Thanks;

/// <summary>A transfer posted automatically when a bank file is imported queues its thank-you like any other payment.</summary>
public class ThankYouFromBankTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    [Fact]
    public async Task An_automatically_posted_bank_transfer_queues_a_thank_you()
    {
        var treasurer = (await app.SignInAsAsync(Roles.Treasurer)).Http;
        var member = await new MemberBuilder().Named("振込 花子", "フリコミ ハナコ").CreateAsync(app);
        await app.InvoiceAsync(member, 2026, 5_000);
        var payer = $"{member.MemberNumber} ﾌﾘｺﾐ ﾊﾅｺ";
        var account = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var file = ZenginRecord.File("\r\n",
        [
            ZenginRecord.NoticeHeader(created: "081120", from: "081118", to: "081120", account: account),
            ZenginRecord.Notice(1, "081119", 5_000, payer),
            ZenginRecord.NoticeTrailer(1, 5_000),
            ZenginRecord.End(),
        ]);

        var doc = await treasurer.GetDocumentAsync("/Payments/Import");
        var form = (IHtmlFormElement)doc.QuerySelector("main form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in HtmlForms.FormFields(form)) content.Add(new StringContent(v), k);
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(bytes, "file", "bank.txt");
        var preview = HtmlForms.Parse(await (await treasurer.PostAsync(form.GetAttribute("action"), content)).BodyAsync());
        var confirmed = await treasurer.SubmitFormAsync(preview, "/Payments/Import", new Dictionary<string, string>(), "main form[action*='handler=Confirm']");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var payment = await app.WithDbAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));
        Assert.NotNull(payment.BankLineId);
        var note = await app.WithDbAsync(db => db.ThankYouNotes.AsNoTracking().SingleAsync(n => n.MemberId == member.Id));
        Assert.Equal((payment.Id, ThankYouKind.Dues, ThankYouChannel.Email, ThankYouStatus.Pending, 5_000L, 2026),
            (note.PaymentId!.Value, note.Kind, note.Channel, note.Status, note.Amount.Value, note.FiscalYear!.Value));
    }
}
