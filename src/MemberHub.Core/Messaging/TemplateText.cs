using System.Text;
using System.Text.RegularExpressions;

namespace MemberHub.Messaging;

/// <summary>
/// Merge fields in templates are written {{氏名}}, {{会員番号}} …, a form staff can type and read. Unknown
/// field names are reported when a template is saved, so a typo never reaches a member as "{{指名}}".
/// </summary>
public static partial class TemplateText
{
    [GeneratedRegex(@"\{\{\s*([^{}\s]+)\s*\}\}")]
    private static partial Regex Field();

    /// <summary>Replaces every known field; unknown fields are left as written.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Field().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
    }

    /// <summary>The field names used in the template that are not in <paramref name="known"/>, in order of first use.</summary>
    public static IReadOnlyList<string> UnknownFields(string template, IEnumerable<string> known)
    {
        var set = new HashSet<string>(known, StringComparer.Ordinal);
        return Field().Matches(template ?? "").Select(m => m.Groups[1].Value)
            .Where(n => !set.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>"{{氏名}}、{{会員番号}}": the list shown beside the editor.</summary>
    public static string Describe(IEnumerable<string> fields)
    {
        var sb = new StringBuilder();
        foreach (var f in fields)
        {
            if (sb.Length > 0) sb.Append('、');
            sb.Append("{{").Append(f).Append("}}");
        }
        return sb.ToString();
    }
}
