using System.Text;

namespace MemberHub.Web.Documents;

/// <summary>
/// Wraps Japanese text to a width. Japanese breaks between any two characters, except that closing
/// punctuation (、。」）and small kana) never starts a line and opening brackets never end one (禁則処理);
/// runs of Latin letters and digits (an e-mail address, "2026-00123", an amount) are kept whole where they fit.
/// </summary>
public static class LineBreaker
{
    private const string NoLineStart = "、。，．,.)）」』】〕〉》］｝!！?？:：;；・ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜～%％";
    private const string Hanging = "、。，．,.";
    private const string NoLineEnd = "(（「『【〔〈《［｛";

    /// <summary>The lines of <paramref name="text"/> (hard line breaks kept; an empty line stays empty).</summary>
    public static IReadOnlyList<string> Wrap(string text, float maxWidth, Func<Rune, float> advance)
    {
        var lines = new List<string>();
        foreach (var paragraph in (text ?? "").Replace("\r\n", "\n").Split('\n'))
            WrapParagraph(paragraph, maxWidth, advance, lines);
        return lines;
    }

    private static void WrapParagraph(string paragraph, float maxWidth, Func<Rune, float> advance, List<string> lines)
    {
        var runes = paragraph.EnumerateRunes().ToArray();
        if (runes.Length == 0)
        {
            lines.Add("");
            return;
        }
        var start = 0;
        while (start < runes.Length)
        {
            var width = 0f;
            var end = start;
            while (end < runes.Length && width + advance(runes[end]) <= maxWidth)
            {
                width += advance(runes[end]);
                end++;
            }
            // A 、 or 。 that would start the next line hangs in the margin of this one (ぶら下げ).
            if (end < runes.Length && end > start && runes[end].IsBmp && Hanging.Contains((char)runes[end].Value, StringComparison.Ordinal))
                end++;
            if (end >= runes.Length)
            {
                lines.Add(Join(runes, start, runes.Length));
                break;
            }
            var cut = BestBreak(runes, start, end);
            lines.Add(Join(runes, start, cut).TrimEnd());
            start = cut;
            while (start < runes.Length && runes[start].Value == ' ') start++;
        }
    }

    /// <summary>The last position in (start, end] where a line may break; end itself if there is none.</summary>
    private static int BestBreak(Rune[] runes, int start, int end)
    {
        for (var i = end; i > start; i--)
        {
            if (CanBreakBefore(runes, i)) return i;
        }
        return Math.Max(end, start + 1);
    }

    private static bool CanBreakBefore(Rune[] runes, int i)
    {
        var prev = runes[i - 1];
        var next = runes[i];
        if (IsNoLineStart(next) || IsNoLineEnd(prev)) return false;
        if (next.Value == ' ' || prev.Value == ' ') return true;
        // Inside a word of Latin letters or digits, only at a space.
        return !(IsWordChar(prev) && IsWordChar(next));
    }

    private static bool IsNoLineStart(Rune r) => r.IsBmp && NoLineStart.Contains((char)r.Value, StringComparison.Ordinal);
    private static bool IsNoLineEnd(Rune r) => r.IsBmp && NoLineEnd.Contains((char)r.Value, StringComparison.Ordinal);

    private static bool IsWordChar(Rune r) =>
        r.Value < 0x2E80 && !Rune.IsWhiteSpace(r)
        || r.Value is >= 0xFF10 and <= 0xFF19 or >= 0xFF21 and <= 0xFF3A or >= 0xFF41 and <= 0xFF5A;

    private static string Join(Rune[] runes, int from, int to)
    {
        var sb = new StringBuilder();
        for (var i = from; i < to; i++) sb.Append(runes[i].ToString());
        return sb.ToString();
    }
}
