using MemberHub.FollowUp;
using MemberHub.Web.Pages.FollowUp.Mailings;
using UglyToad.PdfPig;

namespace MemberHub.Tests.Unit.Documents;

public class AddressLabelsTests
{
    private static readonly PostalAddressee[] People =
    [
        .. Enumerable.Range(1, 13).Select(i => new PostalAddressee(i, 1000 + i, $"佐藤 花子{i}", null, "様", $"1{i:00}-0001",
            "東京都千代田区丸の内一丁目2番3号 丸の内パークビルディング4階", "正会員（個人）")),
        new PostalAddressee(99, 1099, "特定非営利活動法人 みどりの会", "鈴木 一郎", "様", "530-0001", "大阪府大阪市北区梅田1-1", "賛助会員（団体）"),
    ];

    private static string Write(LabelSheet sheet)
    {
        var path = Path.Combine(SamplePrints.OutputFolder, $"labels-{sheet.Key}.pdf");
        using (var file = File.Create(path))
            AddressLabels.Write(file, SamplePrints.Fonts.Value, sheet, People, "宛名ラベル", new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc), null, CancellationToken.None);
        return path;
    }

    [Fact]
    public void Twelve_labels_fill_a_sheet_and_the_rest_go_on_the_next()
    {
        var pages = SamplePrints.PageTexts(File.ReadAllBytes(Write(LabelSheet.A4x12)));
        Assert.Equal(2, pages.Count);
        Assert.Contains("〒101-0001", pages[0]);
        Assert.Contains("佐藤 花子12 様", pages[0]);
        Assert.Contains("佐藤 花子13 様", pages[1]);
        Assert.Contains("鈴木 一郎 様", pages[1]);
    }

    [Fact]
    public void Twenty_four_labels_fit_on_one_sheet_and_envelopes_take_a_page_each()
    {
        Assert.Single(SamplePrints.PageTexts(File.ReadAllBytes(Write(LabelSheet.A4x24))));
        using var envelopes = PdfDocument.Open(File.ReadAllBytes(Write(LabelSheet.Naga3)));
        Assert.Equal(14, envelopes.NumberOfPages);
        Assert.Equal(340, (int)Math.Round(envelopes.GetPage(1).Width));
    }
}
