using System.Text;
using System.Text.Unicode;

namespace MemberHub.Text;

public enum CsvEncoding
{
    Utf8Bom,
    Utf8,
    ShiftJis,
}

/// <summary>
/// Tells how a spreadsheet export is encoded. Excel on Japanese Windows writes "CSV" as Shift_JIS
/// (really CP932, with its NEC and IBM extensions such as ① and 髙) and "CSV UTF-8" with a BOM;
/// other tools write UTF-8 without one. Bytes that are valid UTF-8 are almost never meaningful CP932
/// text, so: a BOM means UTF-8, valid UTF-8 means UTF-8, anything else is read as CP932.
/// </summary>
public static class TextEncodingSniffer
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    static TextEncodingSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static CsvEncoding Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Bom)) return CsvEncoding.Utf8Bom;
        return IsValidUtf8(bytes) ? CsvEncoding.Utf8 : CsvEncoding.ShiftJis;
    }

    public static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => Utf8.IsValid(bytes);

    /// <summary>CP932 (Windows-31J), the Shift_JIS that Japanese Windows actually writes.</summary>
    public static Encoding ShiftJis => Encoding.GetEncoding(932);

    /// <summary>The text of the file in the given encoding, without any BOM.</summary>
    public static string Decode(byte[] bytes, CsvEncoding encoding) => encoding switch
    {
        CsvEncoding.ShiftJis => ShiftJis.GetString(bytes),
        _ => bytes.AsSpan().StartsWith(Bom)
            ? Encoding.UTF8.GetString(bytes, Bom.Length, bytes.Length - Bom.Length)
            : Encoding.UTF8.GetString(bytes),
    };

    public static string Label(CsvEncoding encoding) => encoding switch
    {
        CsvEncoding.Utf8Bom => "UTF-8（BOM付き）",
        CsvEncoding.Utf8 => "UTF-8",
        _ => "Shift_JIS（CP932）",
    };
}
