using System.Text;
using MemberHub.Payments;
using static MemberHub.Tests.Unit.Payments.ZenginRecord;

namespace MemberHub.Tests.Unit.Payments;

public class ZenginReaderTests
{
    private static byte[] Fixture(string name) =>
        System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "zengin", name));

    private static IReadOnlyList<BankCredit> Credits(byte[] bytes) => ZenginReader.ReadCredits(new MemoryStream(bytes));

    private static BankFileFormatException Refused(byte[] bytes) =>
        Assert.Throws<BankFileFormatException>(() => ZenginReader.Read(new MemoryStream(bytes)));

    [Fact]
    public void Transfer_notice_with_CRLF_gives_its_six_credits()
    {
        var credits = Credits(Fixture("furikomi-01-crlf.txt"));

        Assert.Equal(6, credits.Count);
        Assert.Equal(33_560, credits.Sum(c => c.Amount));
        Assert.Equal(new DateOnly(2026, 4, 10), credits.Min(c => c.BookedOn));
        Assert.Equal(new DateOnly(2026, 4, 15), credits.Max(c => c.BookedOn));
        Assert.Equal(
            ["1023 ﾔﾏﾀﾞ ﾀﾛｳ", "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", "ｽｽﾞｷ ﾊﾅｺ", "ﾊﾂﾄﾘ ｼﾕﾝｽｹ", "ﾄｸﾋ)ｻｸﾗﾉｶｲ", "ｽﾐｽ ｼﾞﾖ-ｼﾞ"],
            credits.Select(c => c.PayerName));
        Assert.Equal(4_560, credits.Single(c => c.PayerName == "ｽｽﾞｷ ﾊﾅｺ").Amount);
        Assert.Equal(credits.Count, credits.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Transfer_notice_header_describes_the_account()
    {
        var file = ZenginReader.Read(new MemoryStream(Fixture("furikomi-01-crlf.txt")));

        var account = Assert.Single(file.Accounts);
        Assert.Equal(ZenginKind.TransferNotice, account.Kind);
        Assert.Equal("9999", account.BankCode);
        Assert.Equal("ﾃｽﾄｷﾞﾝｺｳ", account.BankName);
        Assert.Equal("001", account.BranchCode);
        Assert.Equal("1234567", account.AccountNumber);
        Assert.Equal("普通", account.AccountTypeName);
        Assert.Equal("ﾄｸﾋ)ﾒﾝﾊﾞ-ﾊﾌﾞ", account.AccountName);
        Assert.Equal(new DateOnly(2026, 4, 15), account.CreatedOn);
        Assert.Equal(new DateOnly(2026, 4, 10), account.PeriodFrom);
        Assert.Equal(new DateOnly(2026, 4, 15), account.PeriodTo);
        Assert.Equal("000101", account.Transactions[0].ReferenceNumber);
    }

    [Fact]
    public void A_file_without_separators_gives_the_same_credits_with_the_same_ids() =>
        Assert.Equal(Credits(Fixture("furikomi-01-crlf.txt")), Credits(Fixture("furikomi-01-no-separators.txt")));

    [Fact]
    public void LF_separators_and_a_missing_last_separator_read_the_same()
    {
        var crlf = Fixture("furikomi-01-crlf.txt");
        var lf = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(crlf).Replace("\r\n", "\n"));
        var noLast = crlf[..^2];

        Assert.Equal(Credits(crlf), Credits(lf));
        Assert.Equal(Credits(crlf), Credits(noLast));
    }

    [Fact]
    public void A_trailer_total_that_disagrees_refuses_the_whole_file()
    {
        var e = Refused(Fixture("furikomi-01-bad-trailer.txt"));

        Assert.Equal(8, e.RecordNumber);
        Assert.Contains("8件目", e.Message);
        Assert.Contains("合計金額（34,560円）", e.Message);
        Assert.Contains("33,560円", e.Message);
    }

    [Fact]
    public void Statement_with_two_accounts_lists_credits_and_debits_but_offers_only_credits()
    {
        var file = ZenginReader.Read(new MemoryStream(Fixture("meisai-03-two-accounts.txt")));

        Assert.Equal(["0001234567", "0007654321"], file.Accounts.Select(a => a.AccountNumber));
        Assert.All(file.Accounts, a => Assert.Equal(ZenginKind.Statement, a.Kind));
        Assert.Equal(100_000, file.Accounts[0].OpeningBalance);
        Assert.Equal(117_560, file.Accounts[0].ClosingBalance);
        Assert.Equal(47_000, file.Accounts[1].ClosingBalance);

        var debits = file.Transactions.Where(t => !t.IsCredit).ToList();
        Assert.Equal([440L, 12_000L], debits.Select(d => d.Amount));
        Assert.All(debits, d => Assert.False(d.IsMatchCandidate));
        Assert.Equal("ﾃｽｳﾘﾖｳ", debits[0].Description);

        var credits = file.Credits;
        Assert.Equal([5_000L, 10_000L, 3_000L, 9_000L], credits.Select(c => c.Amount));
        Assert.Equal(["02001ﾀﾅｶ ｹﾝｲﾁ", "ｻﾄｳ ﾏｺﾄ", "", "ｲ)ﾐﾄﾞﾘｶｲ"], credits.Select(c => c.PayerName));
        Assert.Equal(new DateOnly(2026, 5, 7), credits[0].BookedOn);
        Assert.Equal("現金", file.Transactions.Single(t => t.Amount == 3_000).TransactionTypeName);
        Assert.Equal(credits, ZenginReader.ReadCredits(new MemoryStream(Fixture("meisai-03-two-accounts.txt"))));
    }

    [Fact]
    public void Ids_are_natural_keys_of_account_reference_date_and_amount()
    {
        var credits = Credits(Fixture("meisai-03-two-accounts.txt"));

        Assert.Equal("9999-001-1-1234567-00000001-20260507-1-5000", credits[0].Id);
        Assert.Equal("9999-001-1-7654321-00000001-20260508-1-9000", credits[3].Id);
    }

    [Fact]
    public void Two_identical_lines_in_one_file_get_distinct_ids()
    {
        var bytes = File("\r\n", NoticeHeader(), Notice(1, "080410", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ"), Notice(1, "080410", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ"),
            NoticeTrailer(2, 10000), End());

        var credits = Credits(bytes);

        Assert.Equal(2, credits.Count);
        Assert.Equal(credits[0].Id + "#2", credits[1].Id);
    }

    [Fact]
    public void A_cancellation_withdraws_the_notice_it_repeats()
    {
        var bytes = File("\r\n", NoticeHeader(),
            Notice(1, "080410", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ"),
            Notice(2, "080411", 3000, "ｻﾄｳ ﾏｺﾄ"),
            Notice(1, "080410", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ", cancel: true),
            NoticeTrailer(3, 13000, cancelCount: 1, cancelTotal: 5000), End());

        var file = ZenginReader.Read(bytes);

        Assert.Equal([3000L], file.Credits.Select(c => c.Amount));
        var cancellation = file.Transactions.Single(t => t.IsCancellation);
        var original = file.Transactions.First();
        Assert.True(original.IsCancelled);
        Assert.Equal(original.Id, cancellation.CancelsId);
    }

    [Fact]
    public void A_cancellation_of_a_notice_from_an_earlier_file_names_that_notice()
    {
        var bytes = File("\r\n", NoticeHeader(), Notice(7, "080409", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ", cancel: true),
            NoticeTrailer(1, 5000, cancelCount: 1, cancelTotal: 5000), End());

        var file = ZenginReader.Read(bytes);

        Assert.Empty(file.Credits);
        Assert.Equal("9999-001-1-1234567-000007-20260409-5000", file.Transactions.Single().CancelsId);
    }

    [Fact]
    public void Corrections_are_listed_but_never_offered_for_matching()
    {
        var bytes = File("", StatementHeader("1234567", 0), StatementLine(1, "080507", true, "19", 500, "ﾔﾏﾀﾞ ﾀﾛｳ"),
            StatementTrailer(1, 500, 0, 0, 500, 1), StatementEnd(4, 1));

        var file = ZenginReader.Read(bytes);

        Assert.Single(file.Transactions);
        Assert.Empty(file.Credits);
    }

    [Theory]
    [InlineData("080415", 2026, 4, 15)]   // 令和8年
    [InlineData("310430", 2019, 4, 30)]   // 平成31年: 令和31年 would be in the future
    [InlineData("010501", 2019, 5, 1)]    // 令和元年
    public void Era_dates_resolve_to_the_later_era_not_in_the_future(string yymmdd, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), JapaneseEraDate.Resolve(yymmdd, new DateOnly(2026, 11, 23)));

    [Fact]
    public void A_date_before_heisei_and_reiwa_is_no_date_of_either_era() =>
        // 平成元年1月7日 was still 昭和64年, and 令和元年 began on 1 May 2019
        Assert.Throws<FormatException>(() => JapaneseEraDate.Resolve("010107", new DateOnly(2026, 11, 23)));

    [Fact]
    public void The_01_year_is_heisei_when_reiwa_would_be_in_the_future() =>
        Assert.Equal(new DateOnly(1989, 6, 1), JapaneseEraDate.Resolve("010601", new DateOnly(1990, 1, 1)));

    [Fact]
    public void The_01_year_is_reiwa_once_reiwa_has_begun() =>
        Assert.Equal(new DateOnly(2019, 6, 1), JapaneseEraDate.Resolve("010601", new DateOnly(2019, 7, 1)));

    [Fact]
    public void Zeros_mean_no_date() => Assert.Null(JapaneseEraDate.Resolve("000000", null));

    [Fact]
    public void Data_dates_are_resolved_against_the_files_creation_date()
    {
        // Created 平成31年4月30日: a 01 year date in the data cannot be 令和元年 (still in the future).
        var bytes = File("\n", NoticeHeader(created: "310430", from: "010110", to: "310430"),
            Notice(1, "010115", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ"), NoticeTrailer(1, 5000), End());

        var credit = Assert.Single(Credits(bytes));

        Assert.Equal(new DateOnly(1989, 1, 15), credit.BookedOn);
    }

    [Fact]
    public void Without_a_creation_date_today_resolves_the_era()
    {
        var bytes = File("\n", NoticeHeader(created: "000000"), Notice(1, "010601", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ"), NoticeTrailer(1, 5000), End());

        Assert.Equal(new DateOnly(1989, 6, 1), ZenginReader.ReadCredits(new MemoryStream(bytes), new DateOnly(2000, 1, 1)).Single().BookedOn);
        Assert.Equal(new DateOnly(2019, 6, 1), ZenginReader.ReadCredits(new MemoryStream(bytes), new DateOnly(2026, 11, 23)).Single().BookedOn);
    }

    [Fact]
    public void A_record_shorter_than_200_bytes_is_refused()
    {
        var good = File("\r\n", NoticeHeader(), Notice(1, "080410", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ"), NoticeTrailer(1, 5000), End());
        var bytes = good.Take(202).Concat(good.Skip(203)).ToArray();   // one byte gone from record 2

        var e = Refused(bytes);

        Assert.Equal(2, e.RecordNumber);
        Assert.Contains("2件目のレコードが199バイト", e.Message);
    }

    [Fact]
    public void A_file_cut_in_the_middle_of_a_record_is_refused()
    {
        var good = File("", NoticeHeader(), Notice(1, "080410", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ"), NoticeTrailer(1, 5000), End());

        var e = Refused(good[..500]);

        Assert.Contains("3件目のレコードが100バイト", e.Message);
    }

    [Fact]
    public void A_file_re_encoded_as_UTF8_is_refused()
    {
        var cp932 = Fixture("furikomi-01-crlf.txt");
        var utf8 = Encoding.UTF8.GetBytes(BankEncodings.ShiftJis.GetString(cp932));

        var e = Refused(utf8);

        Assert.Contains("UTF-8に変換されています", e.Message);
    }

    [Fact]
    public void A_file_with_code_type_EBCDIC_is_refused()
    {
        var e = Refused(File("\r\n", NoticeHeader(codeType: '1'), NoticeTrailer(0, 0), End()));

        Assert.Contains("EBCDIC", e.Message);
        Assert.Equal(1, e.RecordNumber);
    }

    [Fact]
    public void A_file_in_EBCDIC_bytes_is_refused()
    {
        // "1" "0" "1" in EBCDIC are F1 F0 F1
        var bytes = Enumerable.Repeat((byte)0x40, 200).ToArray();
        bytes[0] = 0xF1; bytes[1] = 0xF0; bytes[2] = 0xF1;

        Assert.Contains("EBCDIC", Refused(bytes).Message);
    }

    [Fact]
    public void Bytes_that_single_byte_JIS_never_uses_are_refused()
    {
        var good = File("\r\n", NoticeHeader(), Notice(1, "080410", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ"), NoticeTrailer(1, 5000), End());
        good[202 + 60] = 0x88;   // a Shift_JIS kanji lead byte in the payer name
        good[202 + 61] = 0x9F;

        Assert.Contains("全銀協の形式（半角のJIS文字）では使われない文字", Refused(good).Message);
    }

    [Fact]
    public void A_count_that_disagrees_is_refused()
    {
        var e = Refused(File("\r\n", NoticeHeader(), Notice(1, "080410", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ"), NoticeTrailer(2, 5000), End()));

        Assert.Contains("件数（2件）がデータ・レコードの件数（1件）と合いません", e.Message);
        Assert.Equal(3, e.RecordNumber);
    }

    [Fact]
    public void A_statement_whose_balance_does_not_add_up_is_refused()
    {
        var e = Refused(File("", StatementHeader("1234567", 1000), StatementLine(1, "080507", true, "11", 500, "ﾔﾏﾀﾞ ﾀﾛｳ"),
            StatementTrailer(1, 500, 0, 0, 1400, 1), StatementEnd(4, 1)));

        Assert.Contains("取引後残高（1,400円）", e.Message);
    }

    [Fact]
    public void A_statement_whose_credit_total_disagrees_is_refused() =>
        Assert.Contains("入金額合計", Refused(File("", StatementHeader("1234567", 0), StatementLine(1, "080507", true, "11", 500, "ﾔﾏﾀﾞ ﾀﾛｳ"),
            StatementTrailer(1, 600, 0, 0, 500, 1), StatementEnd(4, 1))).Message);

    [Fact]
    public void A_statement_end_record_with_the_wrong_record_count_is_refused() =>
        Assert.Contains("レコード総件数（5件）", Refused(File("", StatementHeader("1234567", 0),
            StatementLine(1, "080507", true, "11", 500, "ﾔﾏﾀﾞ ﾀﾛｳ"), StatementTrailer(1, 500, 0, 0, 500, 1), StatementEnd(5, 1))).Message);

    [Fact]
    public void A_missing_trailer_is_refused() =>
        Assert.Contains("トレーラー・レコード（データ区分 8）がありません",
            Refused(File("\r\n", NoticeHeader(), Notice(1, "080410", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ"))).Message);

    [Fact]
    public void A_missing_end_record_is_refused() =>
        Assert.Contains("エンド・レコード（データ区分 9）がありません",
            Refused(File("\r\n", NoticeHeader(), Notice(1, "080410", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ"), NoticeTrailer(1, 5000))).Message);

    [Fact]
    public void Data_before_any_header_is_refused() =>
        Assert.Contains("ヘッダー・レコード（データ区分 1）がありません",
            Refused(File("\r\n", Notice(1, "080410", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ"), NoticeTrailer(1, 5000), End())).Message);

    [Fact]
    public void An_unsupported_kind_is_refused()
    {
        var header = NoticeHeader().Text(2, 2, "11");   // 総合振込
        Assert.Contains("種別コード「11」", Refused(File("\r\n", header, NoticeTrailer(0, 0), End())).Message);
    }

    [Fact]
    public void Records_after_the_end_record_are_refused() =>
        Assert.Contains("エンド・レコードの後",
            Refused(File("\r\n", NoticeHeader(), NoticeTrailer(0, 0), End(), NoticeHeader())).Message);

    [Fact]
    public void An_amount_that_is_not_digits_is_refused()
    {
        var line = Notice(1, "080410", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ").Text(20, 10, "00000050X0");
        Assert.Contains("金額「00000050X0」が数字ではありません", Refused(File("\r\n", NoticeHeader(), line, NoticeTrailer(1, 5000), End())).Message);
    }

    [Fact]
    public void An_impossible_date_is_refused() =>
        Assert.Contains("勘定日「081332」が日付として正しくありません",
            Refused(File("\r\n", NoticeHeader(), Notice(1, "081332", 5000, "ﾔﾏﾀﾞ ﾀﾛｳ"), NoticeTrailer(1, 5000), End())).Message);

    [Fact]
    public void An_empty_file_is_refused() => Assert.Contains("空", Refused([]).Message);
}
