using MemberHub.Web.Documents;
using UglyToad.PdfPig;

namespace MemberHub.Tests.Unit.Documents;

public class InvoiceLayoutTests
{
    [Fact]
    public void A_personal_invoice_prints_the_recipient_amount_number_due_date_accounts_and_non_taxable_wording()
    {
        var path = SamplePrints.Render(b => b.AddInvoice(SamplePrints.PersonInvoice()),
            SamplePrints.Organisation(MemberHub.Tests.Integration.Documents.InvoiceData.SealPng()));
        var text = SamplePrints.PageTexts(File.ReadAllBytes(path)).Single();

        Assert.Contains("佐藤 花子", text);
        Assert.Contains("様", text);
        Assert.Contains("〒160-0023", text);
        Assert.Contains("会費ご請求書", text.Replace(" ", ""));
        Assert.Contains("2026-00123", text);
        Assert.Contains("2026年12月23日", text);
        Assert.Contains("2,500円", text);
        Assert.Contains("2026年10月入会のため半額", text);
        Assert.Contains("ゆうちょ銀行", text);
        Assert.Contains("1234567", text);
        Assert.Contains(SamplePrints.Nfkc("トクヒ）ミドリノモリネツトワーク"), text);
        Assert.Contains(SamplePrints.Nfkc("振込依頼人名の前に会員番号を入力してください"), text);
        Assert.Contains("本会費は消費税の課税対象外(不課税)です。", text);
        Assert.DoesNotContain("登録番号", text);
        SamplePrints.ToPng(path);
    }

    [Fact]
    public void A_taxable_invoice_shows_the_amount_per_rate_the_tax_and_the_registration_number()
    {
        var path = SamplePrints.Render(b => b.AddInvoice(SamplePrints.OrganisationInvoice("総務部 鈴木 一郎", "様")));
        var text = SamplePrints.PageTexts(File.ReadAllBytes(path)).Single();

        Assert.Contains("10%対象", text);
        Assert.Contains("30,000円", text);
        Assert.Contains("3,000円", text);
        Assert.Contains("33,000円", text);
        Assert.Contains("T1234567890123", text);
        Assert.Contains("株式会社 山田商事", text);
        Assert.Contains("総務部 鈴木 一郎", text);
        Assert.DoesNotContain("不課税)です", text);
    }

    [Fact]
    public void An_organisation_without_a_contact_person_is_addressed_onchu()
    {
        var path = SamplePrints.Render(b => b.AddInvoice(SamplePrints.OrganisationInvoice(null, "御中")));
        var text = SamplePrints.PageTexts(File.ReadAllBytes(path)).Single();
        Assert.Contains("株式会社 山田商事", text);
        Assert.Contains("御中", text);
        Assert.DoesNotContain("様", text.Replace("皆様", ""));
    }

    [Fact]
    public void The_page_is_A4_and_the_address_block_lies_inside_the_envelope_window()
    {
        var path = SamplePrints.Render(b => b.AddInvoice(SamplePrints.PersonInvoice()));
        using var doc = PdfDocument.Open(File.ReadAllBytes(path));
        var page = doc.GetPage(1);
        Assert.Equal(595.3, page.Width, 0);
        Assert.Equal(841.9, page.Height, 0);

        const double mm = 72 / 25.4;
        // The postal code, the address and the name with 様: their letters, found by position in reading order.
        var words = page.GetWords().ToList();
        var block = words.Where(w => w.Text.Contains("〒160") || w.Text.Contains("西新宿") || w.Text.Contains("マンション")
                                     || w.Text.Contains('花') || w.Text == "様").ToList();
        Assert.True(block.Count >= 4, "found: " + string.Join(" | ", block.Select(w => w.Text)));
        foreach (var w in block)
        {
            var left = w.BoundingBox.Left / mm;
            var right = w.BoundingBox.Right / mm;
            var top = (page.Height - w.BoundingBox.Top) / mm;
            var bottom = (page.Height - w.BoundingBox.Bottom) / mm;
            Assert.True(left >= 20 && right <= 110 && top >= 15 && bottom <= 55,
                $"\"{w.Text}\" at {left:F1}–{right:F1} mm across, {top:F1}–{bottom:F1} mm down is outside the window");
        }
    }

    [Fact]
    public void A_long_letter_runs_over_several_pages_and_keeps_closing_marks_off_the_start_of_a_line()
    {
        var body = string.Concat(Enumerable.Repeat("拝啓　時下ますますご清祥のこととお慶び申し上げます。平素より当会の活動にご理解とご支援を賜り、厚く御礼申し上げます。\n", 40));
        var letter = new LetterPrint(new RecipientPrint("高橋 健一", null, "様", "060-0001", "北海道札幌市中央区北一条西2-1"),
            new DateOnly(2026, 11, 23), "会費お支払いのお願い", body + "敬具");
        var path = SamplePrints.Render(b => b.AddLetter(letter));
        var pages = SamplePrints.PageTexts(File.ReadAllBytes(path));
        Assert.True(pages.Count >= 2);
        Assert.Contains("高橋 健一", pages[0]);
        Assert.Contains("会費お支払いのお願い", pages[0]);
        Assert.Contains("敬具", pages[^1]);
        SamplePrints.ToPng(path);
    }
}
