using System.Text;
using System.Text.RegularExpressions;

namespace MemberHub.Text;

public static partial class PostalCode
{
    /// <summary>"1500001", "150-0001" or "１５０－０００１" become "150-0001"; anything else is returned trimmed.</summary>
    public static string Tidy(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var s = text.Normalize(NormalizationForm.FormKC).Trim().Replace("〒", "").Replace('−', '-').Replace('ー', '-').Trim();
        var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 7 && Regex.IsMatch(s, @"^\d{3}-?\d{4}$")) return digits[..3] + "-" + digits[3..];
        return s;
    }

    public static bool IsValid(string? text) => ValidPattern().IsMatch(text ?? "");

    [GeneratedRegex(@"^\d{3}-\d{4}$")]
    private static partial Regex ValidPattern();
}
