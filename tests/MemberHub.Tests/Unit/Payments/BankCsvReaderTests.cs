using System.Text;
using MemberHub.Payments;

namespace MemberHub.Tests.Unit.Payments;

public class BankCsvReaderTests
{
    private static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bankcsv", name));

    private static BankCsvFile Read(byte[] bytes, BankCsvLayout? layout = null, Encoding? encoding = null) =>
        BankCsvReader.Read(new MemoryStream(bytes), layout, encoding);

    [Fact]
    public void MUFG_download_in_CP932_with_full_width_payers_and_thousands_separators()
    {
        var file = Read(Fixture("mufg-style.csv"));

        Assert.Equal("mufg", file.Layout.Name);
        Assert.Equal(932, file.Encoding.CodePage);
        Assert.Equal(3, file.Lines.Count);
        var credits = file.Credits;
        Assert.Equal([5_000L, 10_000L], credits.Select(c => c.Amount));
        Assert.Equal(["ヤマダ　タロウ", "カ）ミライケンセツ"], credits.Select(c => c.PayerName));
        Assert.Equal(new DateOnly(2026, 4, 10), credits[0].BookedOn);
        var fee = file.Lines[2];
        Assert.Equal(440, fee.Debit);
        Assert.False(fee.IsCredit);
        Assert.Equal(114_560, fee.Balance);
    }

    [Fact]
    public void SMBC_download_with_the_payer_inside_the_description()
    {
        var file = Read(Fixture("smbc-style.csv"));

        Assert.Equal("smbc", file.Layout.Name);
        Assert.Equal(["ﾔﾏﾀﾞ ﾀﾛｳ", "1045ｺﾊﾞﾔｼ ﾕｳｺ"], file.Credits.Select(c => c.PayerName));
        Assert.Equal([5_000L, 3_000L], file.Credits.Select(c => c.Amount));
        Assert.Equal(440, file.Lines.Single(l => !l.IsCredit).Debit);
    }

    [Fact]
    public void Rakuten_download_with_one_signed_amount_column()
    {
        var file = Read(Fixture("rakuten-style.csv"));

        Assert.Equal("rakuten", file.Layout.Name);
        var credit = Assert.Single(file.Credits);
        Assert.Equal(5_000, credit.Amount);
        Assert.Equal("ﾔﾏﾀﾞ ﾀﾛｳ", credit.PayerName);
        Assert.Equal(new DateOnly(2026, 4, 10), credit.BookedOn);
        Assert.Equal(440, file.Lines[1].Debit);
    }

    [Fact]
    public void Generic_download_in_UTF8_with_BOM()
    {
        var file = Read(Fixture("generic-utf8-bom.csv"));

        Assert.Equal("generic", file.Layout.Name);
        Assert.Equal(65001, file.Encoding.CodePage);
        var credit = Assert.Single(file.Credits);
        Assert.Equal("ヤマダ タロウ", credit.PayerName);
        Assert.Equal(20_000, file.Lines[1].Debit);
    }

    [Fact]
    public void UTF8_without_BOM_is_detected()
    {
        var text = "日付,摘要,出金額,入金額,残高\n2026/04/10,ｻﾄｳ ﾏｺﾄ,,3000,3000\n";
        var file = Read(Encoding.UTF8.GetBytes(text));

        Assert.Equal(65001, file.Encoding.CodePage);
        Assert.Equal("ｻﾄｳ ﾏｺﾄ", file.Credits.Single().PayerName);
    }

    [Fact]
    public void The_encoding_can_be_overridden_and_a_wrong_one_is_refused_clearly()
    {
        var cp932 = Fixture("smbc-style.csv");
        Assert.Equal(2, Read(cp932, encoding: BankEncodings.ShiftJis).Credits.Count);

        var e = Assert.Throws<BankFileFormatException>(() => Read(cp932, encoding: Encoding.UTF8));
        Assert.Contains("文字コード「UTF-8」で読めません", e.Message);
    }

    [Fact]
    public void Reading_the_same_download_twice_gives_the_same_ids()
    {
        var first = Read(Fixture("mufg-style.csv")).Lines.Select(l => l.Id).ToList();
        var second = Read(Fixture("mufg-style.csv")).Lines.Select(l => l.Id).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void Overlapping_downloads_give_the_same_ids_for_the_same_lines()
    {
        const string header = "日付,摘要,出金額,入金額,残高\n";
        var april = header + "2026/04/10,ﾔﾏﾀﾞ ﾀﾛｳ,,5000,5000\n2026/04/11,ｻﾄｳ ﾏｺﾄ,,3000,8000\n";
        var later = header + "2026/04/11,ｻﾄｳ ﾏｺﾄ,,3000,8000\n2026/04/12,ｽｽﾞｷ ﾊﾅｺ,,4560,12560\n";

        var a = Read(Encoding.UTF8.GetBytes(april)).Credits;
        var b = Read(Encoding.UTF8.GetBytes(later)).Credits;

        Assert.Equal(a[1].Id, b[0].Id);
        Assert.NotEqual(a[0].Id, b[1].Id);
    }

    [Fact]
    public void The_header_may_follow_account_lines_and_extra_columns()
    {
        var text = "口座番号,1234567\n照会期間,2026/04/01～2026/04/30\n年月日,お引出し,お預入れ,お取り扱い内容,残高,メモ,ラベル\n2026/04/10,,5000,ﾌﾘｺﾐ ﾔﾏﾀﾞ ﾀﾛｳ,105000,,\n";
        var file = Read(BankEncodings.ShiftJis.GetBytes(text));

        Assert.Equal("smbc", file.Layout.Name);
        Assert.Equal(3 + 1, file.Lines.Single().LineNumber);
    }

    [Fact]
    public void Yucho_uses_its_own_line_id_as_the_key()
    {
        var text = "日付,入出金明細ID,詳細1,詳細2,払出し金額,預入れ金額,貸付金額,返済金額,残高,取扱店,取扱店名,メモ\n" +
                   "20260410,A0001,振込,ヤマダ　タロウ,,5000,,,5000,,,\n";
        var credit = Read(Encoding.UTF8.GetBytes(text)).Credits.Single();

        Assert.Equal("csv-yucho-A0001", credit.Id);
        Assert.Equal("ヤマダ　タロウ", credit.PayerName);
    }

    [Fact]
    public void A_treasurers_own_mapping_reads_an_unknown_layout()
    {
        var layout = new BankCsvLayout
        {
            Name = "shinkin", DisplayName = "○○信用金庫", DateColumn = "取扱日", CreditColumn = "入金", DebitColumn = "出金",
            PayerColumns = ["内容"],
        };
        var text = "取扱日,内容,入金,出金\n2026年4月10日,ﾌﾘｺﾐ ﾔﾏﾀﾞ ﾀﾛｳ,\"5,000\",\n";

        var credit = Read(Encoding.UTF8.GetBytes(text), layout).Credits.Single();

        Assert.Equal(5_000, credit.Amount);
        Assert.Equal("ﾔﾏﾀﾞ ﾀﾛｳ", credit.PayerName);
    }

    [Fact]
    public void An_unknown_layout_is_refused_with_a_clear_message()
    {
        var e = Assert.Throws<BankFileFormatException>(() => Read(Encoding.UTF8.GetBytes("a,b,c\n1,2,3\n")));
        Assert.Contains("どの銀行の形式とも一致しません", e.Message);
    }

    [Fact]
    public void A_date_that_cannot_be_read_names_the_line()
    {
        var e = Assert.Throws<BankFileFormatException>(() =>
            Read(Encoding.UTF8.GetBytes("日付,摘要,出金額,入金額,残高\n4月10日,ﾔﾏﾀﾞ,,5000,5000\n")));
        Assert.Contains("2行目の日付「4月10日」", e.Message);
    }

    [Fact]
    public void An_amount_that_cannot_be_read_names_the_line_and_column()
    {
        var e = Assert.Throws<BankFileFormatException>(() =>
            Read(Encoding.UTF8.GetBytes("日付,摘要,出金額,入金額,残高\n2026/04/10,ﾔﾏﾀﾞ,,五千,5000\n")));
        Assert.Contains("2行目の「入金額」の金額「五千」", e.Message);
    }
}
