namespace MemberHub.Text;

/// <summary>
/// Writing one CSV cell for Excel (RFC 4180 quoting). A cell that starts with =, +, -, @, tab or CR would be
/// evaluated as a formula when the file is opened (CSV injection), so it gets a leading apostrophe.
/// </summary>
public static class CsvCell
{
    public static string Neutralise(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return "";
        // Japanese Excel also starts a formula from full-width ＝ ＋ － ＠ and after leading spaces.
        var first = cell.TrimStart(' ', '\u3000').Normalize(System.Text.NormalizationForm.FormKC);
        if (first.Length == 0) return cell;
        return first[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' || cell[0] is '\t' or '\r' or '\n' ? "'" + cell : cell;
    }

    public static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

    /// <summary>A whole line (CRLF-terminated), every cell neutralised and quoted as needed.</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(",", cells.Select(c => Quote(Neutralise(c)))) + "\r\n";
}
