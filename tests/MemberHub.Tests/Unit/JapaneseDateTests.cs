using MemberHub.Text;

namespace MemberHub.Tests.Unit;

public class JapaneseDateTests
{
    [Theory]
    [InlineData("2026/4/1")]
    [InlineData("2026/04/01")]
    [InlineData("2026-04-01")]
    [InlineData("2026.4.1")]
    [InlineData("2026年4月1日")]
    [InlineData("２０２６年４月１日")]
    [InlineData("20260401")]
    [InlineData("2026/4/1 0:00")]
    [InlineData("2026/4/1 0:00:00")]
    [InlineData(" 2026/4/1 ")]
    public void Gregorian_dates_in_the_forms_spreadsheets_use(string text)
    {
        Assert.True(JapaneseDate.TryParse(text, out var d));
        Assert.Equal(new DateOnly(2026, 4, 1), d);
    }

    [Theory]
    [InlineData("昭和50年4月1日", 1975, 4, 1)]
    [InlineData("S50.4.1", 1975, 4, 1)]
    [InlineData("s50/4/1", 1975, 4, 1)]
    [InlineData("R8.4.1", 2026, 4, 1)]
    [InlineData("令和8年4月1日", 2026, 4, 1)]
    [InlineData("令和元年5月1日", 2019, 5, 1)]
    [InlineData("平成元年1月8日", 1989, 1, 8)]
    [InlineData("H31.4.30", 2019, 4, 30)]
    [InlineData("㍻2年7月21日", 1990, 7, 21)]
    [InlineData("大正15年12月24日", 1926, 12, 24)]
    [InlineData("明治45年7月29日", 1912, 7, 29)]
    [InlineData("昭和 15年 1月 5日", 1940, 1, 5)]
    public void Japanese_era_dates_become_gregorian(string text, int y, int m, int d)
    {
        Assert.True(JapaneseDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("昭和64年1月8日")]  // that day was already 平成元年
    [InlineData("平成31年5月1日")]  // that day was already 令和元年
    [InlineData("令和元年4月30日")] // still 平成
    [InlineData("昭和70年1月1日")]
    public void A_date_outside_its_era_is_refused(string text) =>
        Assert.False(JapaneseDate.TryParse(text, out _));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2026/13/1")]
    [InlineData("2026/2/30")]
    [InlineData("4/1")]
    [InlineData("来年の春")]
    [InlineData("X50.4.1")]
    [InlineData("2026/4/1/5")]
    public void What_is_not_a_date_is_refused(string text) =>
        Assert.False(JapaneseDate.TryParse(text, out _));
}
