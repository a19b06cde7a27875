using MemberHub.Common;
using MemberHub.Text;
using MemberHub.Web.Pages.Members;

namespace MemberHub.Tests.Unit;

public class DateInputTests
{
    [Theory]
    [InlineData("2026-04-01")]
    [InlineData("2026/04/01")]
    [InlineData("2026/4/1")]
    [InlineData("2026年4月1日")]
    [InlineData("２０２６／０４／０１")]
    [InlineData(" 2026-4-1 ")]
    public void The_ways_staff_type_a_date_are_read(string text) => Assert.Equal(new DateOnly(2026, 4, 1), DateInput.TryParse(text));

    [Theory]
    [InlineData("")]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("令和8年4月1日")]
    [InlineData("04/01/2026")]
    [InlineData("明日")]
    public void Anything_else_is_not_a_date(string text) => Assert.Null(DateInput.TryParse(text));
}

public class CsvCellTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+81", "'+81")]
    [InlineData("-3", "'-3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("山田 太郎", "山田 太郎")]
    [InlineData("03-1234-5678", "03-1234-5678")]
    [InlineData("＝1+2", "'＝1+2")]
    [InlineData("　＋81", "'　＋81")]
    [InlineData(" =A1", "' =A1")]
    [InlineData("＠SUM(A1)", "'＠SUM(A1)")]
    public void Cells_that_Excel_would_run_as_formulas_are_neutralised(string cell, string expected) => Assert.Equal(expected, CsvCell.Neutralise(cell));

    [Fact]
    public void Commas_quotes_and_line_breaks_are_quoted() =>
        Assert.Equal("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n", CsvCell.Line(["a", "b,c", "say \"hi\"", "x\ny"]));
}

public class SearchPatternTests
{
    [Fact]
    public void Kana_in_any_form_becomes_one_pattern() =>
        Assert.Equal(["%ヤマダ%"], SearchMembersQuery.Patterns("ﾔﾏﾀﾞ"));

    [Fact]
    public void Each_word_must_match() =>
        Assert.Equal(["%ヤマダ%", "%ハナコ%"], SearchMembersQuery.Patterns("やまだ　はなこ"));

    [Theory]
    [InlineData("03-1234-5678")]
    [InlineData("(03) 1234 5678")]
    [InlineData("０３－１２３４－５６７８")]
    [InlineData("+81 3 1234 5678")]
    public void A_phone_number_in_any_format_is_searched_as_its_digits(string q) =>
        Assert.Equal(["%0312345678%"], SearchMembersQuery.Patterns(q));

    [Fact]
    public void Like_wildcards_are_escaped() =>
        Assert.Equal(["%100\\%\\_%"], SearchMembersQuery.Patterns("100%_"));

    [Fact]
    public void An_empty_box_searches_nothing() => Assert.Empty(SearchMembersQuery.Patterns("  "));

    [Theory]
    [InlineData("12", "%|12|%")]
    [InlineData("１２３", "%|123|%")]
    public void A_short_number_is_a_whole_member_number(string q, string pattern) =>
        Assert.Equal([pattern], SearchMembersQuery.Patterns(q));

    [Fact]
    public void Four_to_six_digits_are_a_member_number_or_the_end_of_a_phone_number() =>
        Assert.Equal(["%5678|%"], SearchMembersQuery.Patterns("5678"));

    [Fact]
    public void Short_numbers_match_only_whole_parts_of_the_search_text()
    {
        var member = new MemberHub.Members.Member { MemberNumber = 12, Name = "山田 太郎", NameKana = "ヤマダ タロウ", Phone = "03-1212-5678" };
        member.RefreshSearchText();
        Assert.StartsWith("|12|", member.SearchText);
        Assert.EndsWith("|", member.SearchText);
        Assert.Contains("|0312125678|", member.SearchText);
    }
}
