using MemberHub.Common;
using MemberHub.Ledger;
using MemberHub.Tests.Unit.Documents;
using MemberHub.Thanks;
using MemberHub.Web.Documents;

namespace MemberHub.Tests.Unit.Thanks;

public class ReceiptRulesTests
{
    [Fact]
    public void Receipts_and_certificates_have_their_own_numbers_per_year() =>
        Assert.Equal(("R2026-00001", "D2027-00123"),
            (ReceiptNumbers.Format(ReceiptKind.Payment, 2026, 1), ReceiptNumbers.Format(ReceiptKind.DonationAnnual, 2027, 123)));

    [Fact]
    public void A_reissue_keeps_the_number_and_counts_the_sheet()
    {
        Assert.Equal("R2026-00007-2", ReceiptNumbers.Reissue("R2026-00007", 2));
        Assert.Equal("R2026-00007-3", ReceiptNumbers.Reissue("R2026-00007-2", 3));
        Assert.Equal("R2026-00007", ReceiptNumbers.BaseOf("R2026-00007-3"));
        Assert.Equal("D2026-00001", ReceiptNumbers.BaseOf("D2026-00001"));
    }

    [Fact]
    public void The_purpose_names_dues_by_fiscal_year_and_adds_a_donation() =>
        Assert.Equal("2025年度・2026年度会費及びご寄附として", ReceiptWording.Purpose([
            new(AllocationKind.Dues, 2026, new Yen(5000)), new(AllocationKind.Dues, 2025, new Yen(5000)), new(AllocationKind.Donation, null, new Yen(1000)),
        ]));

    [Fact]
    public void A_donation_alone_reads_as_a_donation() =>
        Assert.Equal("ご寄附として", ReceiptWording.Purpose([new(AllocationKind.Donation, null, new Yen(3000))]));

    [Fact]
    public void A_reversed_gift_nets_to_nothing_and_is_left_out()
    {
        var gifts = DonationLedger.Gifts([
            new(1, null, new DateOnly(2026, 3, 10), new Yen(10000)),
            new(2, null, new DateOnly(2026, 9, 9), new Yen(2000)),
            new(3, 2, new DateOnly(2026, 9, 9), new Yen(-2000)),
        ]);
        Assert.Equal([1L], gifts.Select(g => g.PaymentId));
    }

    [Fact]
    public void The_annual_sum_takes_only_the_calendar_year()
    {
        IReadOnlyList<DonationLedgerRow> rows = [
            new(1, null, new DateOnly(2025, 12, 31), new Yen(3000)),
            new(2, null, new DateOnly(2026, 1, 1), new Yen(5000)),
            new(3, null, new DateOnly(2026, 12, 31), new Yen(7000)),
            new(4, null, new DateOnly(2027, 1, 1), new Yen(9000)),
        ];
        Assert.Equal(12000, DonationLedger.Total(DonationLedger.InCalendarYear(rows, 2026)).Value);
    }

    [Fact]
    public void The_stamp_duty_note_says_no_stamp_and_why() =>
        Assert.Contains("営業に関しない受取書", ReceiptWording.StampDutyNote);

    private static ReceiptPrint Receipt(bool reissue) => new(ReceiptKind.Payment, reissue ? "R2026-00012-2" : "R2026-00012", new DateOnly(2026, 11, 23), reissue,
        new RecipientPrint("佐藤 花子", null, "様", "160-0023", "東京都新宿区西新宿2-8-1 都庁前マンション1203号室"), new Yen(6000), "2026年度会費及びご寄附として",
        new DateOnly(2026, 11, 20), "現金",
        [new ReceiptLinePrint("2026年度会費（請求書 2026-00123）", new Yen(5000)), new ReceiptLinePrint("ご寄附", new Yen(1000))],
        [], null, null, null, null, "本会費は消費税の課税対象外（不課税）です。ご寄附は対価のない寄附金であり、消費税の課税対象外です。");

    [Fact]
    public void A_receipt_prints_amount_purpose_date_organisation_and_the_stamp_note()
    {
        var path = SamplePrints.Render(b => b.AddPage(c => ReceiptLayout.Draw(c, b, Receipt(reissue: false))),
            SamplePrints.Organisation(MemberHub.Tests.Integration.Documents.InvoiceData.SealPng()));
        File.Copy(path, Path.Combine(SamplePrints.OutputFolder, "receipt-sample.pdf"), overwrite: true);
        var text = SamplePrints.PageTexts(File.ReadAllBytes(path)).Single();
        Assert.Contains("領収書", text.Replace(" ", ""));
        Assert.Contains("R2026-00012", text);
        Assert.Contains("6,000", text);
        Assert.Contains("2026年度会費及びご寄附として", text);
        Assert.Contains("2026年11月20日", text);
        Assert.Contains("佐藤 花子", text);
        Assert.Contains("みどりの森ネットワーク", text);
        Assert.Contains("収入印紙", text);
        Assert.DoesNotContain("再発行", text);
    }

    [Fact]
    public void A_reissued_receipt_says_so() =>
        Assert.Contains("再発行", SamplePrints.PageTexts(File.ReadAllBytes(SamplePrints.Render(b => b.AddPage(c => ReceiptLayout.Draw(c, b, Receipt(reissue: true)))))).Single());

    [Fact]
    public void An_annual_certificate_prints_donor_gifts_total_certification_and_the_statement()
    {
        var gifts = Enumerable.Range(1, 12).Select(m => new Gift(m, new DateOnly(2026, m, 10), new Yen(3000))).ToList();
        var print = new ReceiptPrint(ReceiptKind.DonationAnnual, "D2027-00003", new DateOnly(2027, 1, 15), false,
            new RecipientPrint("鈴木 一郎", null, "様", "530-0001", "大阪府大阪市北区梅田3-1-1"), new Yen(36000), "ご寄附として", null, null, [], gifts, 2026,
            "東京都認定第123号", new DateOnly(2023, 4, 1), "個別に寄附金受領証明書を発行済みの寄附（D2026-00001）は、この証明書に含みません。",
            CompetentAuthority: "東京都", CertifiedUntil: new DateOnly(2028, 3, 31));
        var path = SamplePrints.Render(b => b.AddPage(c => ReceiptLayout.Draw(c, b, print)),
            SamplePrints.Organisation(MemberHub.Tests.Integration.Documents.InvoiceData.SealPng()));
        File.Copy(path, Path.Combine(SamplePrints.OutputFolder, "certificate-sample.pdf"), overwrite: true);
        var text = SamplePrints.PageTexts(File.ReadAllBytes(path)).Single();
        Assert.Contains("寄附金受領証明書", text);
        Assert.Contains("鈴木 一郎", text);
        Assert.Contains("大阪府大阪市北区梅田3-1-1", text);
        Assert.Contains("36,000円", text);
        Assert.Contains("2026年12月10日", text);
        Assert.Contains("東京都認定第123号", text);
        Assert.Contains("2023年4月1日", text);
        Assert.Contains("所轄庁", text);
        Assert.Contains("2028年3月31日まで", text);
        Assert.Contains("特定非営利活動に係る事業に関連する寄附金", text);
        Assert.Contains("寄附金控除", text);
        Assert.Contains("D2026-00001", text);
    }

    [Fact]
    public void A_weekly_donors_year_fits_on_one_page()
    {
        var gifts = Enumerable.Range(0, 52).Select(w => new Gift(w + 1, new DateOnly(2026, 1, 5).AddDays(7 * w), new Yen(1000))).ToList();
        var print = new ReceiptPrint(ReceiptKind.DonationAnnual, "D2027-00004", new DateOnly(2027, 1, 15), false,
            new RecipientPrint("株式会社 山田商事", "総務部 山田 花子", "様", "530-0001", "大阪府大阪市北区梅田3-1-1"), new Yen(52000), "ご寄附として", null, null, [], gifts, 2026,
            "東京都認定第123号", new DateOnly(2023, 4, 1), null, CompetentAuthority: "東京都", CertifiedUntil: new DateOnly(2028, 3, 31));
        var path = SamplePrints.Render(b => b.AddPage(c => ReceiptLayout.Draw(c, b, print)),
            SamplePrints.Organisation(MemberHub.Tests.Integration.Documents.InvoiceData.SealPng()));
        File.Copy(path, Path.Combine(SamplePrints.OutputFolder, "certificate-weekly.pdf"), overwrite: true);
        var text = SamplePrints.PageTexts(File.ReadAllBytes(path)).Single();
        Assert.Contains("2026年12月28日", text);
        Assert.Contains("52,000円", text);
    }
}
