using System.Text;
using MemberHub.Web.Documents;

namespace MemberHub.Tests.Unit.Documents;

public class LineBreakerTests
{
    // Full-width characters are 1 wide, ASCII half.
    private static float Advance(Rune r) => r.Value < 0x100 ? 0.5f : 1f;

    [Fact]
    public void Japanese_breaks_between_any_two_characters()
    {
        Assert.Equal(["あいうえ", "おかき"], LineBreaker.Wrap("あいうえおかき", 4, Advance));
    }

    [Fact]
    public void A_comma_or_full_stop_hangs_at_the_end_of_the_line_instead_of_starting_the_next()
    {
        Assert.Equal(["あいうえ。", "かき"], LineBreaker.Wrap("あいうえ。かき", 4, Advance));
    }

    [Fact]
    public void A_closing_bracket_never_starts_a_line_and_an_opening_one_never_ends_one()
    {
        var lines = LineBreaker.Wrap("あいう「えお」かき", 4, Advance);
        Assert.All(lines, l => Assert.False(l.StartsWith('」') || l.EndsWith('「'), string.Join("|", lines)));
        Assert.Equal("あいう「えお」かき", string.Concat(lines));
    }

    [Fact]
    public void Latin_words_and_numbers_are_not_split()
    {
        var lines = LineBreaker.Wrap("番号2026-00123です", 6, Advance);
        Assert.Contains(lines, l => l.Contains("2026-00123"));
    }

    [Fact]
    public void Hard_line_breaks_and_empty_lines_are_kept()
    {
        Assert.Equal(["あ", "", "い"], LineBreaker.Wrap("あ\n\nい", 10, Advance));
    }
}
