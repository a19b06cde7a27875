using System.Text;

namespace MemberHub.Text;

/// <summary>
/// Folds the many ways Japanese names are typed (full- or half-width, hiragana or katakana,
/// with or without spaces or small kana) into one form, so that ﾔﾏﾀﾞ, ヤマダ and やまだ compare equal.
/// </summary>
public static class KanaNormalizer
{
    private const string SmallKana = "ァィゥェォッャュョヮヵヶ";
    private const string LargeKana = "アイウエオツヤユヨワカケ";

    /// <summary>
    /// The form used for the member search: NFKC (half-width kana become full-width, full-width
    /// letters and digits become ASCII), lower case, hiragana as katakana, small kana as large,
    /// and no spaces or middle dots. Banks never send small kana, so folding them lets a name typed
    /// from a bank statement find the member.
    /// </summary>
    public static string ForSearch(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '・' || c == '･') continue;
            var k = HiraganaToKatakana(c);
            var small = SmallKana.IndexOf(k);
            if (small >= 0) k = LargeKana[small];
            sb.Append(char.ToLowerInvariant(k));
        }
        return sb.ToString();
    }

    /// <summary>Full-width katakana with single spaces, the form furigana are stored in.</summary>
    public static string ToKatakana(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var s = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        var lastWasSpace = false;
        foreach (var c in s.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            sb.Append(HiraganaToKatakana(c));
        }
        return sb.ToString();
    }

    /// <summary>True when the text is katakana (full-width after <see cref="ToKatakana"/>), spaces and the long-vowel mark only.</summary>
    public static bool IsKatakana(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        foreach (var c in text)
        {
            if (c == ' ' || c == '　' || c == 'ー' || c == '・') continue;
            if (c < '\u30A1' || c > '\u30FA') return false;
        }
        return true;
    }

    /// <summary>
    /// The form payer names and furigana are compared in for bank matching (legal forms, numbers, long-vowel
    /// spellings and branch words folded away); see <see cref="MemberHub.Payments.PayerNameNormalizer"/>.
    /// </summary>
    public static string ForMatching(string? text) => MemberHub.Payments.PayerNameNormalizer.ForMatching(text);

    public static char HiraganaToKatakana(char c) =>
        c is >= '\u3041' and <= '\u3096' ? (char)(c + 0x60) : c;
}
