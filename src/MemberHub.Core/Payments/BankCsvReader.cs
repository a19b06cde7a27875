using System.Globalization;
using System.Text;

namespace MemberHub.Payments;

/// <summary>One line of a net-banking CSV download. Debits are listed for the statement; only credits are matched.</summary>
public sealed record BankStatementLine(string Id, int LineNumber, DateOnly BookedOn, long Credit, long Debit,
    string Description, string PayerName, long? Balance)
{
    public bool IsCredit => Credit > 0;
}

public sealed record BankCsvFile(BankCsvLayout Layout, Encoding Encoding, IReadOnlyList<BankStatementLine> Lines)
{
    public IReadOnlyList<BankCredit> Credits =>
        Lines.Where(l => l.IsCredit).Select(l => new BankCredit(l.Id, l.BookedOn, l.Credit, l.PayerName)).ToList();
}

/// <summary>
/// Reads net-banking CSV downloads through a column mapping (<see cref="BankCsvLayout"/>). The encoding is
/// sniffed (UTF-8 with or without BOM, else CP932) unless given. The header row is looked for in the first
/// lines (some banks put the account first) and decides the layout unless one is given.
/// Each line's Id is a natural key (layout, date, amounts, balance, payer, and an occurrence count for
/// identical lines), so importing overlapping downloads twice changes nothing.
/// </summary>
public static class BankCsvReader
{
    private const int HeaderSearchLines = 15;

    public static IReadOnlyList<BankCredit> ReadCredits(Stream file, BankCsvLayout? layout = null, Encoding? encoding = null) =>
        Read(file, layout, encoding).Credits;

    public static BankCsvFile Read(Stream file, BankCsvLayout? layout = null, Encoding? encoding = null,
        IReadOnlyList<BankCsvLayout>? knownLayouts = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        var bytes = buffer.ToArray();
        encoding ??= DetectEncoding(bytes);
        string text;
        try
        {
            var strict = encoding.CodePage == 932 ? BankEncodings.ShiftJis
                : encoding is UTF8Encoding ? BankEncodings.StrictUtf8
                : Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            text = strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new BankFileFormatException(
                $"ファイルを文字コード「{EncodingName(encoding)}」で読めません。文字コードを指定し直してください。");
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];

        var rows = ParseCsv(text);
        var (headerIndex, chosen, columns) = FindHeader(rows, layout, knownLayouts ?? BankCsvLayouts.All);
        var lines = new List<BankStatementLine>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = headerIndex + 1; r < rows.Count; r++)
        {
            var row = rows[r].Fields;
            var lineNumber = rows[r].LineNumber;
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            string Cell(string? column) =>
                column is not null && columns.TryGetValue(column, out var i) && i < row.Count ? row[i].Trim() : "";

            var dateText = Cell(chosen.DateColumn);
            var date = ParseDate(dateText)
                ?? throw new BankFileFormatException($"{lineNumber}行目の日付「{dateText}」が読めません。") { RecordNumber = lineNumber };
            long credit, debit;
            if (chosen.AmountColumn is not null)
            {
                var amount = ParseAmount(Cell(chosen.AmountColumn), lineNumber, chosen.AmountColumn);
                credit = Math.Max(0, amount);
                debit = Math.Max(0, -amount);
            }
            else
            {
                credit = ParseAmount(Cell(chosen.CreditColumn), lineNumber, chosen.CreditColumn!);
                debit = ParseAmount(Cell(chosen.DebitColumn), lineNumber, chosen.DebitColumn!);
            }
            var description = chosen.PayerColumns.Select(Cell).FirstOrDefault(s => s.Length > 0) ?? "";
            var payer = StripPrefix(description, chosen.PayerPrefixes);
            long? balance = chosen.BalanceColumn is null || Cell(chosen.BalanceColumn).Length == 0
                ? null
                : ParseAmount(Cell(chosen.BalanceColumn), lineNumber, chosen.BalanceColumn);

            var lineId = Cell(chosen.LineIdColumn);
            var key = lineId.Length > 0
                ? $"csv-{chosen.Name}-{lineId}"
                : $"csv-{chosen.Name}-{date:yyyyMMdd}-{credit}-{debit}-{balance?.ToString(CultureInfo.InvariantCulture) ?? "x"}-{PayerNameNormalizer.Parse(description).Key}";
            var n = counts.TryGetValue(key, out var c) ? c + 1 : 1;
            counts[key] = n;
            lines.Add(new BankStatementLine(n == 1 ? key : $"{key}#{n}", lineNumber, date, credit, debit, description, payer, balance));
        }
        return new BankCsvFile(chosen, encoding, lines);
    }

    /// <summary>UTF-8 when there is a BOM or every byte is valid UTF-8; otherwise CP932 (Shift_JIS as Windows writes it).</summary>
    public static Encoding DetectEncoding(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return new UTF8Encoding(true);
        if (BankEncodings.LooksLikeUtf8(bytes)) return new UTF8Encoding(false);
        return bytes.Any(b => b >= 0x80) ? BankEncodings.ShiftJis : new UTF8Encoding(false);
    }

    private static string EncodingName(Encoding e) => e.CodePage == 932 ? "Shift_JIS" : e.WebName.ToUpperInvariant();

    private static (int Index, BankCsvLayout Layout, Dictionary<string, int> Columns) FindHeader(
        List<(int LineNumber, List<string> Fields)> rows, BankCsvLayout? layout, IReadOnlyList<BankCsvLayout> known)
    {
        for (var r = 0; r < Math.Min(rows.Count, HeaderSearchLines); r++)
        {
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < rows[r].Fields.Count; i++)
                columns.TryAdd(NormalizeHeader(rows[r].Fields[i]), i);
            var candidates = layout is not null ? [layout] : known;
            var match = candidates
                .Where(l => l.RequiredColumns.All(c => columns.ContainsKey(NormalizeHeader(c))))
                .OrderByDescending(l => l.RequiredColumns.Count())
                .FirstOrDefault();
            if (match is not null)
            {
                var byName = match.RequiredColumns.Distinct().ToDictionary(c => c, c => columns[NormalizeHeader(c)]);
                return (r, match, byName);
            }
        }
        var first = rows.Count > 0 ? string.Join(",", rows[0].Fields) : "";
        throw new BankFileFormatException(layout is not null
            ? $"CSVの見出し行が「{layout.DisplayName}」の形式と合いません（必要な列：{string.Join("・", layout.RequiredColumns)}）。見出し行：「{first}」"
            : $"CSVの見出し行「{first}」がどの銀行の形式とも一致しません。銀行の形式を選ぶか、列の対応を設定してください。")
        { RecordNumber = 1 };
    }

    private static string NormalizeHeader(string s) =>
        s.Normalize(NormalizationForm.FormKC).Trim().Trim('"').Replace(" ", "");

    private static string StripPrefix(string description, IReadOnlyList<string> prefixes)
    {
        var s = description.Trim();
        foreach (var p in prefixes.OrderByDescending(p => p.Length))
            if (s.StartsWith(p, StringComparison.Ordinal) && s.Length > p.Length)
            {
                var rest = s[p.Length..];
                // "振込１" is MUFG's 摘要 (a transfer type), not a prefix of a name
                if (rest.Length > 0 && (rest[0] is ' ' or '　' or ':' or '：' || p.StartsWith('ﾌ') || p.StartsWith('フ')))
                    return rest.TrimStart(' ', '　', ':', '：');
            }
        return s;
    }

    public static DateOnly? ParseDate(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC).Trim();
        string[] formats = ["yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss"];
        if (DateTime.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return DateOnly.FromDateTime(d);
        return null;
    }

    private static long ParseAmount(string text, int lineNumber, string column)
    {
        if (text.Length == 0 || text == "-") return 0;
        var s = text.Normalize(NormalizationForm.FormKC).Replace(",", "").Replace("円", "").Replace("¥", "").Replace("\\", "").Trim();
        if (s.StartsWith('+')) s = s[1..];
        if (s.StartsWith('(') && s.EndsWith(')')) s = "-" + s[1..^1];
        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return v;
        throw new BankFileFormatException($"{lineNumber}行目の「{column}」の金額「{text}」が読めません。") { RecordNumber = lineNumber };
    }

    /// <summary>RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static List<(int LineNumber, List<string> Fields)> ParseCsv(string text)
    {
        var rows = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    rows.Add((rowStart, fields));
                    fields = [];
                    line++;
                    rowStart = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add((rowStart, fields));
        }
        return rows;
    }
}
