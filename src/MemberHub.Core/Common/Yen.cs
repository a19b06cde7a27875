using System.Globalization;

namespace MemberHub.Common;

/// <summary>Whole yen. Stored as an integer column: SQLite cannot sum or compare decimals in the database.</summary>
public readonly record struct Yen(long Value) : IComparable<Yen>
{
    public static readonly Yen Zero = new(0);

    public static Yen operator +(Yen a, Yen b) => new(checked(a.Value + b.Value));
    public static Yen operator -(Yen a, Yen b) => new(checked(a.Value - b.Value));
    public static Yen operator *(Yen a, int units) => new(checked(a.Value * units));
    public static bool operator <(Yen a, Yen b) => a.Value < b.Value;
    public static bool operator >(Yen a, Yen b) => a.Value > b.Value;
    public static bool operator <=(Yen a, Yen b) => a.Value <= b.Value;
    public static bool operator >=(Yen a, Yen b) => a.Value >= b.Value;

    public int CompareTo(Yen other) => Value.CompareTo(other.Value);

    /// <summary>"5,000円", the way Japanese documents write amounts.</summary>
    public override string ToString() => Value.ToString("#,0", CultureInfo.InvariantCulture) + "円";

    /// <summary>Reads "5000", "5,000", "５，０００円" or "¥5,000"; null when it is not a whole yen amount.</summary>
    public static Yen? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Normalize(System.Text.NormalizationForm.FormKC)
            .Replace(",", "").Replace("円", "").Replace("¥", "").Replace("\\", "").Trim();
        return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? new Yen(v) : null;
    }
}
