using System.Text;

namespace MemberHub.Payments;

/// <summary>
/// A payer name (or a member's furigana) taken apart for matching: the name as one comparable key, whether
/// a legal form was written, and the numbers typed into it (member or invoice numbers).
/// </summary>
/// <param name="Key">Katakana, large kana only, no long-vowel marks, spaces, brackets, digits or legal forms.</param>
/// <param name="LooseKey">
/// <see cref="Key"/> with the spellings people and banks disagree on folded: a long vowel after an O- or U-row kana
/// written ウ (ショウジ, ショージ, ｼﾖ-ｼﾞ; ジョージ, ジョウジ), other long-vowel marks dropped, ヂ/ヅ/ヲ/ヴ as ジ/ズ/オ/ブ.
/// </param>
/// <param name="FamilyKey">The loose key of the first word when the name had a space in it (the family name), else "".</param>
/// <param name="Numbers">Numbers typed in the name, leading zeros dropped; hyphenated runs also joined ("2026-0012" gives 2026, 12 and 20260012).</param>
/// <param name="MayBeTruncated">The text fills (nearly) the 48-byte Zengin field, so the bank may have cut it.</param>
public sealed record PayerName(string Raw, string Key, string LooseKey, string FamilyKey, bool IsCompany,
    IReadOnlyList<string> Numbers, bool MayBeTruncated)
{
    /// <summary>
    /// Loose keys without a branch or office glued to the end (ﾐﾗｲｹﾝｾﾂｵｵｻｶｼﾃﾝ): where the place name starts is
    /// unknown, so every plausible cut is listed. Empty when the name ends in no branch word.
    /// </summary>
    public IReadOnlyList<string> WithoutBranch { get; init; } = [];

    /// <summary>A branch or office written as a word after the name (トウキヨウシテン), loosened; else "".</summary>
    public string Branch { get; init; } = "";

    /// <summary>The legal form as the bank abbreviates it (カ, ユ, トクヒ …), when one was written; else "".</summary>
    public string LegalForm { get; init; } = "";
}

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

    private static readonly (string Abbreviation, string[] Patterns)[] AbbreviationPatterns =
        Abbreviations.Select(a => (a, new[] { $"({a})", $"({a}", $"{a})" })).ToArray();

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

    // Longest first within each group, as in SpeltOutForms.
    private static readonly Dictionary<char, string[]> FormsByFirst =
        SpeltOutForms.GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.ToArray());

    private static readonly Dictionary<char, string[]> FormsByLast =
        SpeltOutForms.GroupBy(f => f[^1]).ToDictionary(g => g.Key, g => g.ToArray());

    // Words for a branch or office of an organisation (after folding and loosening): 支店, 営業所, 事務所, 本社 …
    private static readonly string[] BranchWords =
    [
        "シテン", "エイギヨウシヨ", "ジムシヨ", "ジムキヨク", "ホンシヤ", "ホンテン", "シシヤ", "シキヨク", "ジギヨウシヨ", "ホンブ", "コウジヨウ", "ジムシツ",
    ];

    // Words payers add that are not their name (会費, 年会費, 寄付, 振込).
    private static readonly HashSet<string> NoiseWords = new(StringComparer.Ordinal)
    {
        "カイヒ", "ネンカイヒ", "ネンカイ", "キフ", "キフキン", "フリコミ", "カイイン", "カイインバンゴウ", "カイインバンゴ", "NO", "NO.",
    };

    /// <summary>The loose key alone, for comparing two names.</summary>
    public static string ForMatching(string? text) => Parse(text).LooseKey;

    // Parsing is pure, and every proposal parses the whole register again (the screen of an import, the automatic posting
    // after it): 20,000 names, a third of the matcher's time. The same text always gives the same (immutable) result.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PayerName> Parsed = new(StringComparer.Ordinal);
    private const int ParsedLimit = 200_000;
    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary, which stalls threads parsing in parallel.
    private static int _parsedCount;

    public static PayerName Parse(string? raw)
    {
        raw ??= "";
        if (Parsed.TryGetValue(raw, out var known)) return known;
        var parsed = ParseUncached(raw);
        if (Volatile.Read(ref _parsedCount) >= ParsedLimit)
        {
            Parsed.Clear();
            Volatile.Write(ref _parsedCount, 0);
        }
        if (Parsed.TryAdd(raw, parsed)) Interlocked.Increment(ref _parsedCount);
        return parsed;
    }

    private static PayerName ParseUncached(string raw)
    {
        var folded = Fold(raw);

        // Words (space separated) that are not part of the name go first.
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1) words.RemoveAll(w => NoiseWords.Contains(w.Trim('-', '.', ':')));
        // A branch or office written as a word of its own after the name (ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ ﾄｳｷﾖｳｼﾃﾝ) is not the name.
        var firstName = words.FindIndex(w => w.Any(c => !char.IsAsciiDigit(c) && c != '-'));
        var branch = "";
        for (var i = words.Count - 1; i > firstName && firstName >= 0; i--)
            if (IsBranchWord(Loosen(words[i])))
            {
                branch = Loosen(words[i]) + branch;
                words.RemoveAt(i);
            }

        var numbers = new List<string>();
        var form = new FormFound();
        var letters = new StringBuilder(folded.Length);
        var firstWordEnd = -1;

        foreach (var word in words)
        {
            var w = ExtractNumbers(word, numbers);
            w = StripAbbreviatedForms(w, form);
            if (w.Length == 0) continue;
            if (letters.Length > 0 && firstWordEnd < 0) firstWordEnd = letters.Length;
            letters.Append(w);
        }

        var joined = letters.ToString();
        // A legal form may straddle a space ("ｶ) ﾔﾏﾀﾞ"): a second pass over the joined text.
        joined = StripAbbreviatedForms(joined, form);
        var key = RemoveMarks(joined);
        var withoutForms = StripSpeltOutForms(key, form);
        if (withoutForms.Length > 0) key = withoutForms;
        var loose = Loosen(joined);
        var looseWithoutForms = StripSpeltOutForms(loose, form);
        if (looseWithoutForms.Length > 0) loose = looseWithoutForms;

        var family = "";
        if (firstWordEnd > 0 && !form.Found)
        {
            var first = Loosen(StripAbbreviatedForms(words.Select(w => ExtractNumbers(w, [])).First(w => w.Length > 0), form));
            if (first.Length > 0 && first.Length < loose.Length) family = first;
        }

        return new PayerName(raw, key, loose, family, form.Found, numbers.Distinct().ToList(),
            MayBeTruncated: ZenginByteLength(raw.TrimEnd()) >= ZenginPayerFieldBytes - 2)
        {
            WithoutBranch = BranchCuts(loose),
            Branch = branch,
            LegalForm = form.Form,
        };
    }

    private static bool IsBranchWord(string looseWord) =>
        looseWord.Length > 0 && BranchWords.Any(b => looseWord.EndsWith(b, StringComparison.Ordinal));

    private static List<string> BranchCuts(string loose)
    {
        var cuts = new List<string>();
        foreach (var b in BranchWords)
        {
            if (!loose.EndsWith(b, StringComparison.Ordinal)) continue;
            for (var place = 0; place <= 8; place++)
            {
                var length = loose.Length - b.Length - place;
                if (length < 3) break;
                cuts.Add(loose[..length]);
            }
        }
        return cuts;
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
        if (runs.Count > 1)
        {
            numbers.Add(DropZeros(string.Concat(runs)));
            numbers.Add("-" + string.Concat(runs.Select(DropZeros)));   // "2026-3" for invoice 2026-0003 (see InvoiceNumberKeys)
        }
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

    /// <summary>
    /// The keys an invoice number is found by: all its digits ("2026-0003" gives 20260003) and its digit groups each
    /// without leading zeros, marked "-20263": payers type it both ways, but only a payer who typed the hyphen
    /// is matched by the second key, so that a member number 20263 is not taken for invoice 2026-0003.
    /// </summary>
    public static IReadOnlyList<string> InvoiceNumberKeys(string? invoiceNumber)
    {
        var all = NumberKey(invoiceNumber);
        if (all.Length == 0) return [];
        var groups = new List<string>();
        var current = new StringBuilder();
        foreach (var c in invoiceNumber!.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiDigit(c)) { current.Append(c); continue; }
            if (current.Length > 0) { groups.Add(DropZeros(current.ToString())); current.Clear(); }
        }
        if (current.Length > 0) groups.Add(DropZeros(current.ToString()));
        var compact = string.Concat(groups);
        return groups.Count > 1 ? [all, "-" + compact] : [all];
    }

    private static string DropZeros(string digits)
    {
        var s = digits.TrimStart('0');
        return s.Length == 0 && digits.Length > 0 ? "0" : s;
    }

    /// <summary>
    /// ｶ)ﾔﾏﾀﾞ (the form first), ﾔﾏﾀﾞ(ｶ)ｼﾃﾝ (in the middle), ﾔﾏﾀﾞ(ｶ (last, the closing bracket cut off or not).
    /// </summary>
    private static string StripAbbreviatedForms(string s, FormFound found)
    {
        if (s.IndexOf('(') < 0 && s.IndexOf(')') < 0) return s;
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (a, patterns) in AbbreviationPatterns)
            {
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
                            found.Set(CanonicalForm.GetValueOrDefault(a, a));
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

    private static string StripSpeltOutForms(string key, FormFound found)
    {
        var changed = true;
        while (changed && key.Length > 0)
        {
            changed = false;
            if (FormsByFirst.TryGetValue(key[0], out var starting))
                foreach (var f in starting)
                    if (key.Length > f.Length && key.StartsWith(f, StringComparison.Ordinal)) { key = key[f.Length..]; found.Set(SpeltOutAbbreviation(f)); changed = true; break; }
            if (changed || key.Length == 0) continue;
            if (FormsByLast.TryGetValue(key[^1], out var ending))
                foreach (var f in ending)
                    if (key.Length > f.Length && key.EndsWith(f, StringComparison.Ordinal)) { key = key[..^f.Length]; found.Set(SpeltOutAbbreviation(f)); changed = true; break; }
        }
        return key;
    }

    private sealed class FormFound
    {
        public bool Found;
        public string Form = "";

        public void Set(string form)
        {
            Found = true;
            if (Form.Length == 0) Form = form;
        }
    }

    // Several spellings for one form (一般社団法人 may be ｼﾔ, ｲﾂｼﾔ or ｺｳｼﾔ for 公益).
    private static readonly Dictionary<string, string> CanonicalForm = new(StringComparer.Ordinal)
    {
        ["イツシヤ"] = "シヤ", ["コウシヤ"] = "シヤ", ["イツザイ"] = "ザイ", ["コウザイ"] = "ザイ",
    };

    private static string SpeltOutAbbreviation(string spelt) => spelt switch
    {
        _ when spelt.StartsWith("カブシキ", StringComparison.Ordinal) || spelt.StartsWith('株') => "カ",
        _ when spelt.StartsWith("ユウゲン", StringComparison.Ordinal) || spelt.StartsWith('有') => "ユ",
        _ when spelt.StartsWith("ゴウドウ", StringComparison.Ordinal) || spelt == "合同会社" => "ド",
        _ when spelt.StartsWith("ゴウシ", StringComparison.Ordinal) || spelt == "合資会社" => "シ",
        _ when spelt.StartsWith("ゴウメイ", StringComparison.Ordinal) || spelt == "合名会社" => "メ",
        _ when spelt.StartsWith("トクテイ", StringComparison.Ordinal) || spelt.StartsWith("NPO", StringComparison.Ordinal) || spelt.StartsWith('特') => "トクヒ",
        _ when spelt.StartsWith("イリヨウ", StringComparison.Ordinal) || spelt == "医療法人" => "イ",
        _ when spelt.StartsWith("シヤカイフクシ", StringComparison.Ordinal) || spelt == "社会福祉法人" => "フク",
        _ when spelt.Contains("シヤダン", StringComparison.Ordinal) || spelt.Contains("社団", StringComparison.Ordinal) => "シヤ",
        _ when spelt.Contains("ザイダン", StringComparison.Ordinal) || spelt.Contains("財団", StringComparison.Ordinal) => "ザイ",
        _ when spelt.StartsWith("ガツコウ", StringComparison.Ordinal) || spelt == "学校法人" => "ガク",
        _ when spelt.StartsWith("シユウキヨウ", StringComparison.Ordinal) || spelt == "宗教法人" => "シユウ",
        _ when spelt.StartsWith("ドクリツ", StringComparison.Ordinal) => "ドク",
        _ => spelt,
    };

    private static bool IsKana(char c) => c is >= '\u30A1' and <= '\u30FA';

    private static string RemoveMarks(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (c != '-' && !IsMark(c))
                sb.Append(c);
        return sb.ToString();
    }

    private static bool IsMark(char c) => c is '(' or ')' or '.' or ' ' or '\'' or '"' or '&' or '+' or ':' or ';' or '#' or '*';

    private const string ORowAndURow = "オコソトノホモヨロヲゴゾドボポウクスツヌフムユルグズヅブプ";

    /// <summary>
    /// The key with the long vowel spelt one way: ー (the bank's "-") after an O- or U-row kana is written ウ, as
    /// staff mostly write it (ショージ, ｼﾖ-ｼﾞ and ショウジ all give シヨウジ); elsewhere ー is dropped (ルーシー, ﾙ-ｼ-).
    /// ウ itself is kept: ユウナ and ユナ are different names.
    /// </summary>
    private static string Loosen(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var c = ch switch { 'ヂ' => 'ジ', 'ヅ' => 'ズ', 'ヲ' => 'オ', 'ヴ' => 'ブ', 'ヰ' => 'イ', 'ヱ' => 'エ', _ => ch };
            if (c == '-')
            {
                if (sb.Length > 0 && ORowAndURow.Contains(sb[^1])) sb.Append('ウ');
                continue;
            }
            if (IsMark(c)) continue;
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
