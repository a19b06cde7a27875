using System.Text;

namespace MemberHub.Payments;

/// <summary>
/// A payer name (or a member's furigana) taken apart for matching: the name as one comparable key, whether
/// a legal form was written, and the numbers typed into it (member or invoice numbers).
/// </summary>
/// <param name="Key">Katakana, large kana only, no long-vowel marks, spaces, brackets, digits or legal forms.</param>
/// <param name="LooseKey">
/// <see cref="Key"/> with the spellings people and banks disagree on folded: ウ after an O- or U-row kana
/// (ショウジ, ショージ and ジョージ/ジョウジ read alike once ー is gone), ヂ/ヅ/ヲ/ヴ as ジ/ズ/オ/ブ.
/// </param>
/// <param name="FamilyKey">The loose key of the first word when the name had a space in it (the family name), else "".</param>
/// <param name="Numbers">Numbers typed in the name, leading zeros dropped; hyphenated runs also joined ("2026-0012" gives 2026, 12 and 20260012).</param>
/// <param name="MayBeTruncated">The text fills (nearly) the 48-byte Zengin field, so the bank may have cut it.</param>
public sealed record PayerName(string Raw, string Key, string LooseKey, string FamilyKey, bool IsCompany,
    IReadOnlyList<string> Numbers, bool MayBeTruncated);

/// <summary>
/// Folds payer names as banks send them (half-width kana without small kana, "-" for ー, legal forms abbreviated
/// as ｶ) (ｶ) (ｶ, spaces anywhere) and furigana as staff type them (full- or half-width, hiragana or katakana,
/// small kana, spaces or none, 株式会社 spelt out) into comparable keys.
/// </summary>
public static class PayerNameNormalizer
{
    /// <summary>Bytes of the 振込依頼人名 field; a name this long may have been cut by the bank.</summary>
    public const int ZenginPayerFieldBytes = 48;

    private const string SmallKana = "ァィゥェォッャュョヮヵヶ";
    private const string LargeKana = "アイウエオツヤユヨワカケ";

    // The abbreviations banks use for legal forms, after folding (small kana large, katakana).
    private static readonly string[] Abbreviations =
    [
        "カ", "ユ", "ド", "メ", "シ", "ソ", "イ", "ザイ", "シヤ", "ガク", "フク", "トクヒ", "シユウ", "ドク", "ベン", "ホゴ",
        "ギヨ", "ノウ", "セイキヨウ", "キヨウクミ", "ユウクミ", "チユウ", "コウシヤ", "コウザイ", "イツシヤ", "イツザイ", "ゼイ", "シホ", "ギヨセイ",
    ];

    // Legal forms spelt out in furigana (after folding and without ー); longest first.
    private static readonly string[] SpeltOutForms = new[]
    {
        "トクテイヒエイリカツドウホウジン", "イツパンシヤダンホウジン", "イツパンザイダンホウジン", "コウエキシヤダンホウジン",
        "コウエキザイダンホウジン", "シヤカイフクシホウジン", "ドクリツギヨウセイホウジン", "カブシキガイシヤ", "カブシキカイシヤ",
        "ユウゲンガイシヤ", "ユウゲンカイシヤ", "ゴウドウガイシヤ", "ゴウドウカイシヤ", "ゴウシガイシヤ", "ゴウメイガイシヤ",
        "イリヨウホウジン", "ガツコウホウジン", "シユウキヨウホウジン", "シヤダンホウジン", "ザイダンホウジン", "NPOホウジン", "NPO",
        // kanji, for names typed or downloaded that way ((株) and ㈱ lose their brackets before this step)
        "特定非営利活動法人", "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "社会福祉法人", "医療法人",
        "学校法人", "宗教法人", "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "NPO法人", "株", "有", "特非",
    }.OrderByDescending(s => s.Length).ToArray();

    // Words payers add that are not their name (会費, 年会費, 寄付, 振込).
    private static readonly HashSet<string> NoiseWords = new(StringComparer.Ordinal)
    {
        "カイヒ", "ネンカイヒ", "ネンカイ", "キフ", "キフキン", "フリコミ", "カイイン", "カイインバンゴウ", "カイインバンゴ", "NO", "NO.",
    };

    /// <summary>The loose key alone, for comparing two names.</summary>
    public static string ForMatching(string? text) => Parse(text).LooseKey;

    public static PayerName Parse(string? raw)
    {
        raw ??= "";
        var folded = Fold(raw);

        // Words (space separated) that are not part of the name go first.
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1) words.RemoveAll(w => NoiseWords.Contains(w.Trim('-', '.', ':')));

        var numbers = new List<string>();
        var letters = new StringBuilder(folded.Length);
        var firstWordEnd = -1;
        var companyFound = false;
        foreach (var word in words)
        {
            var w = ExtractNumbers(word, numbers);
            w = StripAbbreviatedForms(w, ref companyFound);
            if (w.Length == 0) continue;
            if (letters.Length > 0 && firstWordEnd < 0) firstWordEnd = letters.Length;
            letters.Append(w);
        }

        var joined = letters.ToString();
        // A legal form may straddle a space ("ｶ) ﾔﾏﾀﾞ"): a second pass over the joined text.
        joined = StripAbbreviatedForms(joined, ref companyFound);
        var key = RemoveMarks(joined);
        var withoutForms = StripSpeltOutForms(key, ref companyFound);
        if (withoutForms.Length > 0) key = withoutForms;

        var family = "";
        if (firstWordEnd > 0 && !companyFound)
        {
            var first = RemoveMarks(StripAbbreviatedForms(words.Select(w => ExtractNumbers(w, [])).First(w => w.Length > 0), ref companyFound));
            if (first.Length > 0 && first.Length < key.Length) family = Loosen(first);
        }

        return new PayerName(raw, key, Loosen(key), family, companyFound, numbers.Distinct().ToList(),
            MayBeTruncated: ZenginByteLength(raw.TrimEnd()) >= ZenginPayerFieldBytes - 2);
    }

    /// <summary>NFKC, upper case, hiragana as katakana, small kana as large, every dash as "-", one kind of space.</summary>
    private static string Fold(string raw)
    {
        var s = raw.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            var c = ch is >= '\u3041' and <= '\u3096' ? (char)(ch + 0x60) : ch;
            var small = SmallKana.IndexOf(c);
            if (small >= 0) c = LargeKana[small];
            if (c is 'ー' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' or '－' or 'ｰ' or '〜' or '~') c = '-';
            else if (char.IsWhiteSpace(c) || c is '・' or '･' or '、' or ',' or '/' or '_') c = ' ';
            else if (c is '「' or '【' or '[' or '{' or '<') c = '(';
            else if (c is '」' or '】' or ']' or '}' or '>') c = ')';
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Takes the digit runs out of a word, leading zeros dropped; "2026-0012" also gives "20260012".</summary>
    private static string ExtractNumbers(string word, List<string> numbers)
    {
        var sb = new StringBuilder(word.Length);
        var runs = new List<string>();
        var i = 0;
        while (i < word.Length)
        {
            if (char.IsAsciiDigit(word[i]))
            {
                var start = i;
                while (i < word.Length && char.IsAsciiDigit(word[i])) i++;
                runs.Add(word[start..i]);
                // hyphen between digit runs belongs to the number
                if (i + 1 < word.Length && word[i] == '-' && char.IsAsciiDigit(word[i + 1])) { i++; continue; }
                AddRuns(runs, numbers);
                runs.Clear();
                sb.Append(' ');
                continue;
            }
            sb.Append(word[i]);
            i++;
        }
        AddRuns(runs, numbers);
        return sb.ToString().Replace(" ", "");
    }

    private static void AddRuns(List<string> runs, List<string> numbers)
    {
        if (runs.Count == 0) return;
        foreach (var r in runs) numbers.Add(DropZeros(r));
        if (runs.Count > 1) numbers.Add(DropZeros(string.Concat(runs)));
    }

    /// <summary>Digits only, leading zeros dropped: how member and invoice numbers are compared.</summary>
    public static string NumberKey(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var digits = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            if (char.IsAsciiDigit(c)) digits.Append(c);
        return DropZeros(digits.ToString());
    }

    private static string DropZeros(string digits)
    {
        var s = digits.TrimStart('0');
        return s.Length == 0 && digits.Length > 0 ? "0" : s;
    }

    /// <summary>
    /// ｶ)ﾔﾏﾀﾞ (the form first), ﾔﾏﾀﾞ(ｶ)ｼﾃﾝ (in the middle), ﾔﾏﾀﾞ(ｶ (last, the closing bracket cut off or not).
    /// </summary>
    private static string StripAbbreviatedForms(string s, ref bool found)
    {
        if (s.IndexOf('(') < 0 && s.IndexOf(')') < 0) return s;
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var a in Abbreviations)
            {
                string[] patterns = [$"({a})", $"({a}", $"{a})"];
                foreach (var p in patterns)
                {
                    var at = s.IndexOf(p, StringComparison.Ordinal);
                    while (at >= 0)
                    {
                        var end = at + p.Length;
                        var ok = p[0] == '('
                            ? p[^1] == ')' || end == s.Length   // "(ｶ" only at the end
                            : at == 0 || s[at - 1] == '(' || !IsKana(s[at - 1]);  // "ｶ)" at the start of a word
                        if (ok)
                        {
                            s = s[..at] + s[end..];
                            found = true;
                            changed = true;
                            break;
                        }
                        at = s.IndexOf(p, at + 1, StringComparison.Ordinal);
                    }
                    if (changed) break;
                }
                if (changed) break;
            }
        }
        return s;
    }

    private static string StripSpeltOutForms(string key, ref bool found)
    {
        var changed = true;
        while (changed && key.Length > 0)
        {
            changed = false;
            foreach (var f in SpeltOutForms)
            {
                if (key.Length > f.Length && key.StartsWith(f, StringComparison.Ordinal)) { key = key[f.Length..]; found = changed = true; break; }
                if (key.Length > f.Length && key.EndsWith(f, StringComparison.Ordinal)) { key = key[..^f.Length]; found = changed = true; break; }
            }
        }
        return key;
    }

    private static bool IsKana(char c) => c is >= '\u30A1' and <= '\u30FA';

    private static string RemoveMarks(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (c is not ('-' or '(' or ')' or '.' or ' ' or '\'' or '"' or '&' or '+' or ':' or ';' or '#' or '*'))
                sb.Append(c);
        return sb.ToString();
    }

    private const string ORowAndURow = "オコソトノホモヨロヲゴゾドボポウクスツヌフムユルグズヅブプ";

    private static string Loosen(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (var ch in key)
        {
            var c = ch switch { 'ヂ' => 'ジ', 'ヅ' => 'ズ', 'ヲ' => 'オ', 'ヴ' => 'ブ', 'ヰ' => 'イ', 'ヱ' => 'エ', _ => ch };
            if (c == 'ウ' && sb.Length > 0 && ORowAndURow.Contains(sb[^1])) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Length in Zengin bytes: half-width characters one byte, others two (as CP932 would store them).</summary>
    public static int ZenginByteLength(string s)
    {
        var n = 0;
        foreach (var c in s) n += c < 0x80 || c is >= '\uFF61' and <= '\uFF9F' ? 1 : 2;
        return n;
    }
}
