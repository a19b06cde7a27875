using System.Text;

namespace MemberHub.Text;

public static class PhoneNumber
{
    /// <summary>Digits only, so that 03-1234-5678, (03)1234-5678 and ０３１２３４５６７８ compare equal.</summary>
    public static string Digits(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (c is >= '0' and <= '9') sb.Append(c);
        // +81 3-1234-5678 is the same line as 03-1234-5678.
        var digits = sb.ToString();
        if (s.TrimStart().StartsWith("+81", StringComparison.Ordinal) && digits.StartsWith("81", StringComparison.Ordinal))
            digits = "0" + digits[2..];
        return digits;
    }

    /// <summary>A Japanese number has 10 digits (landline) or 11 (mobile, 050, 0120 is 10) and starts with 0.</summary>
    public static bool IsPlausible(string? text)
    {
        var d = Digits(text);
        return d.Length is 10 or 11 && d[0] == '0';
    }

    /// <summary>
    /// Tidies what people type (full-width digits, other dashes) without guessing area-code splits,
    /// which differ by area: digits and single hyphens only.
    /// </summary>
    public static string Tidy(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var s = text.Normalize(NormalizationForm.FormKC).Trim();
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is >= '0' and <= '9' or '+') sb.Append(c);
            else if (c is '-' or '‐' or '−' or '–' or 'ー' or '(' or ')' or ' ')
            {
                if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            }
        }
        return sb.ToString().Trim('-');
    }
}
