using System.Globalization;

namespace MemberHub.Thanks;

/// <summary>How a thank-you reaches a member, or why it does not.</summary>
public sealed record ThankYouRoute(ThankYouChannel Channel, bool Skip, string? Note);

/// <summary>The rules for thank-you notes that need no database: the channel, the wording of a membership's length.</summary>
public static class ThankYouRules
{
    public const string RefusesBothNote = "メール・郵送ともに希望されていないため送付しません。";
    public const string ReversedNote = "入金が取り消されたため送付しません。";

    /// <summary>
    /// E-mail when the member has an address and accepts e-mail (cheapest and quickest), otherwise a letter;
    /// a member who refuses both is not written to at all, and the note says so.
    /// </summary>
    public static ThankYouRoute RouteFor(string? email, bool refusesEmail, bool refusesPost)
    {
        if (!string.IsNullOrWhiteSpace(email) && !refusesEmail) return new(ThankYouChannel.Email, false, null);
        if (!refusesPost) return new(ThankYouChannel.Letter, false, null);
        return new(ThankYouChannel.Letter, true, RefusesBothNote);
    }

    /// <summary>
    /// A withdrawal letter goes by post (it is a letter to keep), unless the member refuses post; then by e-mail if
    /// they have an address.
    /// </summary>
    public static ThankYouRoute WithdrawalRouteFor(string? email, bool refusesEmail, bool refusesPost)
    {
        if (!refusesPost) return new(ThankYouChannel.Letter, false, null);
        if (!string.IsNullOrWhiteSpace(email) && !refusesEmail) return new(ThankYouChannel.Email, false, null);
        return new(ThankYouChannel.Letter, true, RefusesBothNote);
    }

    /// <summary>
    /// 「2015年4月から11年間」: whole years counted from the month of joining (a member of 11 years and 8 months
    /// has been with us 11 years); under a year in months, and never less than one month.
    /// </summary>
    public static string MembershipSpan(DateOnly joinedOn, DateOnly leftOn)
    {
        var months = (leftOn.Year - joinedOn.Year) * 12 + leftOn.Month - joinedOn.Month;
        if (leftOn.Day < joinedOn.Day) months--;
        months = Math.Max(months, 1);
        var from = joinedOn.ToString("yyyy年M月", CultureInfo.InvariantCulture);
        return months >= 12
            ? $"{from}から{(months / 12).ToString(CultureInfo.InvariantCulture)}年間"
            : $"{from}から{months.ToString(CultureInfo.InvariantCulture)}か月間";
    }

    /// <summary>「2016・2017・2019〜2025年度」: the fiscal years paid, runs of consecutive years shortened.</summary>
    public static string YearsList(IEnumerable<int> fiscalYears)
    {
        var years = fiscalYears.Distinct().Order().ToList();
        if (years.Count == 0) return "なし";
        var parts = new List<string>();
        var start = years[0];
        var prev = years[0];
        foreach (var y in years.Skip(1).Append(int.MinValue))
        {
            if (y == prev + 1) { prev = y; continue; }
            parts.Add(start == prev ? Year(start) : prev == start + 1 ? $"{Year(start)}・{Year(prev)}" : $"{Year(start)}〜{Year(prev)}");
            start = prev = y;
        }
        return string.Join("・", parts) + "年度";
    }

    /// <summary>「12時間30分」 from minutes; empty when none.</summary>
    public static string Hours(long minutes)
    {
        if (minutes <= 0) return "";
        var h = minutes / 60;
        var m = minutes % 60;
        return (h > 0 ? $"{h.ToString(CultureInfo.InvariantCulture)}時間" : "") + (m > 0 ? $"{m.ToString(CultureInfo.InvariantCulture)}分" : "");
    }

    private static string Year(int y) => y.ToString(CultureInfo.InvariantCulture);
}

public static class ThankYouLabels
{
    public static string Of(ThankYouKind k) => k switch
    {
        ThankYouKind.Donation => "寄附のお礼",
        ThankYouKind.Withdrawal => "退会のお礼",
        _ => "会費のお礼",
    };

    public static string Of(ThankYouChannel c) => c == ThankYouChannel.Email ? "メール" : "郵送";

    public static string Of(ThankYouStatus s) => s switch
    {
        ThankYouStatus.Queued => "送信待ち",
        ThankYouStatus.Sent => "送付済",
        ThankYouStatus.Skipped => "送付しない",
        _ => "未送付",
    };
}
