using System.Globalization;

namespace MemberHub.FollowUp;

/// <summary>One payment as the classifier sees it (dues and donations of one member in one payment).</summary>
public sealed record PaymentFact(DateOnly ReceivedOn, long Amount);

/// <summary>What the classifier knows about one person.</summary>
public sealed record SupporterHistory(IReadOnlyList<PaymentFact> Payments, DateOnly? LastContactOn, DateOnly JoinedOn, bool KeepMailingWhenDormant = false);

/// <summary>
/// Thresholds Admin sets (stored as JSON in <see cref="FollowUpSettings"/>). The defaults suit annual dues plus the
/// odd donation: a member who pays every year for five years is 優良; three gifts within six months and then a year of
/// silence is 流行.
/// </summary>
public sealed record ClassificationRules
{
    /// <summary>休眠: no payment and no contact (and not joined) for this many months.</summary>
    public int DormantAfterMonths { get; init; } = 12;
    /// <summary>Dormant this long: no more mailings, unless staff keep them on the list.</summary>
    public int StopMailingAfterMonths { get; init; } = 36;

    /// <summary>優良: payments in at least this many different calendar years …</summary>
    public int LoyalMinYears { get; init; } = 5;
    /// <summary>… and never more than this many months between two payments.</summary>
    public int LoyalMaxGapMonths { get; init; } = 18;

    /// <summary>流行: at least this many payments …</summary>
    public int BurstMinPayments { get; init; } = 3;
    /// <summary>… within this many months up to the last payment …</summary>
    public int BurstWindowMonths { get; init; } = 6;
    /// <summary>… and then nothing for this many months.</summary>
    public int BurstQuietMonths { get; init; } = 12;

    /// <summary>ファン: at least this many payments …</summary>
    public int FanMinPayments { get; init; } = 5;
    /// <summary>… spread over at least this many different calendar years.</summary>
    public int FanMinYears { get; init; } = 3;

    public static ClassificationRules Default { get; } = new();

    /// <summary>Every period in months the placement depends on, so the daily refresh knows which anniversaries matter.</summary>
    public IEnumerable<int> TimeThresholdsInMonths() => [DormantAfterMonths, StopMailingAfterMonths, BurstQuietMonths];

    /// <summary>What is wrong with these thresholds, in Japanese; empty when they can be used.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        void Range(string field, string label, int value, int min, int max, string unit)
        {
            if (value < min || value > max) problems.Add((field, $"{label}は{min}〜{max}{unit}の範囲で入力してください。"));
        }
        Range(nameof(DormantAfterMonths), "休眠とみなす期間", DormantAfterMonths, 1, 120, "か月");
        Range(nameof(StopMailingAfterMonths), "郵送をやめる期間", StopMailingAfterMonths, 1, 240, "か月");
        Range(nameof(LoyalMinYears), "優良の年数", LoyalMinYears, 2, 50, "年");
        Range(nameof(LoyalMaxGapMonths), "優良の入金間隔", LoyalMaxGapMonths, 1, 60, "か月");
        Range(nameof(BurstMinPayments), "流行の入金回数", BurstMinPayments, 3, 100, "回");
        Range(nameof(BurstWindowMonths), "流行の期間", BurstWindowMonths, 1, 60, "か月");
        Range(nameof(BurstQuietMonths), "流行の沈黙期間", BurstQuietMonths, 1, 120, "か月");
        Range(nameof(FanMinPayments), "ファンの入金回数", FanMinPayments, 2, 100, "回");
        Range(nameof(FanMinYears), "ファンの年数", FanMinYears, 1, 50, "年");
        if (StopMailingAfterMonths <= DormantAfterMonths)
            problems.Add((nameof(StopMailingAfterMonths), "郵送をやめる期間は、休眠とみなす期間より長くしてください。"));
        return problems;
    }
}

public readonly record struct SupporterPlacement(SupporterClass Class, SupporterStage Stage, Dormancy Dormancy);

/// <summary>Where a person is and, in plain Japanese, why.</summary>
public sealed record PlacementExplanation(SupporterPlacement Placement, string ClassReason, string StageReason, string DormancyReason);

/// <summary>
/// Places a person in a class, a stage and a dormancy state. Pure: no database, no clock ("today" is given).
/// A period of N months is over on the same day N months later (2025-04-10 + 12 months: dormant from 2026-04-10).
/// </summary>
public static class SupporterClassifier
{
    public static SupporterPlacement Classify(SupporterHistory history, ClassificationRules rules, DateOnly today) =>
        Explain(history, rules, today).Placement;

    public static PlacementExplanation Explain(SupporterHistory history, ClassificationRules rules, DateOnly today)
    {
        var payments = history.Payments.OrderBy(p => p.ReceivedOn).ToList();
        var (cls, classReason) = ClassOf(payments, rules, today);
        var (stage, stageReason) = StageOf(payments, rules);
        var (dormancy, dormancyReason) = DormancyOf(history, payments, rules, today);
        return new PlacementExplanation(new SupporterPlacement(cls, stage, dormancy), classReason, stageReason, dormancyReason);
    }

    private static (SupporterClass, string) ClassOf(List<PaymentFact> payments, ClassificationRules rules, DateOnly today)
    {
        switch (payments.Count)
        {
            case 0: return (SupporterClass.None, "まだ入金がありません。");
            case 1: return (SupporterClass.FirstTime, $"入金は1回です（{D(payments[0].ReceivedOn)}）。");
            case 2: return (SupporterClass.Second, $"入金は2回です（{D(payments[0].ReceivedOn)}、{D(payments[1].ReceivedOn)}）。");
        }

        var years = DistinctYears(payments);
        var (gapFrom, gapTo, gapMonths) = LongestGap(payments);
        var regular = !payments.Zip(payments.Skip(1)).Any(p => p.Second.ReceivedOn > p.First.ReceivedOn.AddMonths(rules.LoyalMaxGapMonths));
        if (years >= rules.LoyalMinYears && regular)
            return (SupporterClass.Loyal,
                $"{years}つの年に入金があり（{rules.LoyalMinYears}年以上）、入金の間隔は最長{gapMonths}か月で{rules.LoyalMaxGapMonths}か月を超えたことがありません。");

        var last = payments[^1].ReceivedOn;
        var inWindow = payments.Count(p => p.ReceivedOn >= last.AddMonths(-rules.BurstWindowMonths));
        var quiet = today >= last.AddMonths(rules.BurstQuietMonths);
        if (inWindow >= rules.BurstMinPayments && quiet)
            return (SupporterClass.Burst,
                $"最後の入金（{D(last)}）までの{rules.BurstWindowMonths}か月に{inWindow}回の入金があり、その後{rules.BurstQuietMonths}か月以上入金がありません。");

        var why = years < rules.LoyalMinYears
            ? $"入金は{payments.Count}回、{years}つの年にわたります（優良は{rules.LoyalMinYears}年以上）"
            : $"入金は{payments.Count}回ですが、{D(gapFrom)}から{D(gapTo)}まで{gapMonths}か月あいています（優良は{rules.LoyalMaxGapMonths}か月以内）";
        if (inWindow >= rules.BurstMinPayments)
            why += $"。最後の{rules.BurstWindowMonths}か月に{inWindow}回入金があり、{D(last.AddMonths(rules.BurstQuietMonths))}まで入金がなければ流行になります";
        return (SupporterClass.Steady, why + "。");
    }

    private static (SupporterStage, string) StageOf(List<PaymentFact> payments, ClassificationRules rules)
    {
        if (payments.Count == 0) return (SupporterStage.Prospect, "入金がまだないため見込みです。");
        if (payments.Count == 1) return (SupporterStage.New, "初めての入金があったため新規です。");
        var years = DistinctYears(payments);
        if (payments.Count >= rules.FanMinPayments && years >= rules.FanMinYears)
            return (SupporterStage.Fan, $"{payments.Count}回の入金が{years}つの年にわたるためファンです（{rules.FanMinPayments}回以上・{rules.FanMinYears}年以上）。");
        return (SupporterStage.Repeat,
            $"入金が{payments.Count}回（{years}つの年）あるためリピートです（ファンは{rules.FanMinPayments}回以上・{rules.FanMinYears}年以上）。");
    }

    private static (Dormancy, string) DormancyOf(SupporterHistory history, List<PaymentFact> payments, ClassificationRules rules, DateOnly today)
    {
        var lastPayment = payments.Count == 0 ? (DateOnly?)null : payments[^1].ReceivedOn;
        var (lastTouch, what) = LastTouch(lastPayment, history.LastContactOn, history.JoinedOn);
        var dormantOn = lastTouch.AddMonths(rules.DormantAfterMonths);
        var stopOn = lastTouch.AddMonths(rules.StopMailingAfterMonths);
        if (today < dormantOn)
            return (Dormancy.Active, $"最後の{what}は{D(lastTouch)}です。{D(dormantOn)}まで入金も接触もなければ休眠になります。");
        if (today < stopOn)
            return (Dormancy.Dormant, $"最後の{what}（{D(lastTouch)}）から{rules.DormantAfterMonths}か月以上、入金も接触もないため休眠です。");
        if (history.KeepMailingWhenDormant)
            return (Dormancy.Dormant,
                $"最後の{what}（{D(lastTouch)}）から{rules.StopMailingAfterMonths}か月以上たっていますが、事務局の判断で郵送を続けます。");
        return (Dormancy.DormantNoMailing,
            $"最後の{what}（{D(lastTouch)}）から{rules.StopMailingAfterMonths}か月以上、入金も接触もないため郵送の対象外です。");
    }

    /// <summary>The latest of the last payment, the last contact and the joining date, with what it was.</summary>
    private static (DateOnly On, string What) LastTouch(DateOnly? lastPayment, DateOnly? lastContact, DateOnly joinedOn)
    {
        var best = (On: joinedOn, What: "動き（入会）");
        if (lastContact is { } c && c >= best.On) best = (c, "接触");
        if (lastPayment is { } p && p >= best.On) best = (p, "入金");
        return best;
    }

    private static int DistinctYears(List<PaymentFact> payments) => payments.Select(p => p.ReceivedOn.Year).Distinct().Count();

    private static (DateOnly From, DateOnly To, int Months) LongestGap(List<PaymentFact> payments)
    {
        var best = (From: payments[0].ReceivedOn, To: payments[0].ReceivedOn, Months: 0);
        foreach (var (a, b) in payments.Zip(payments.Skip(1)))
        {
            var months = WholeMonths(a.ReceivedOn, b.ReceivedOn);
            if (b.ReceivedOn.DayNumber - a.ReceivedOn.DayNumber > best.To.DayNumber - best.From.DayNumber) best = (a.ReceivedOn, b.ReceivedOn, months);
        }
        return best;
    }

    /// <summary>Whole months from one date to a later one, counted the way AddMonths counts them.</summary>
    public static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (months > 0 && from.AddMonths(months) > to) months--;
        return Math.Max(0, months);
    }

    private static string D(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>The rules as staff read them on screen.</summary>
    public static IReadOnlyList<(string Name, string Rule)> Describe(ClassificationRules r) =>
    [
        (Label(SupporterClass.FirstTime), "入金が1回の人。"),
        (Label(SupporterClass.Second), "入金が2回の人。"),
        (Label(SupporterClass.Loyal),
            $"入金が3回以上あり、{r.LoyalMinYears}つ以上の年に入金があって、入金と入金の間が{r.LoyalMaxGapMonths}か月を超えたことがない人（長く続けて支えてくれている人）。"),
        (Label(SupporterClass.Burst),
            $"優良ではなく、最後の入金までの{r.BurstWindowMonths}か月に{r.BurstMinPayments}回以上入金があり、そのあと{r.BurstQuietMonths}か月以上入金がない人（短い間にたくさん、その後は静か）。"),
        (Label(SupporterClass.Steady), "入金が3回以上で、優良にも流行にも当てはまらない人（間があいても続けてくれている人）。"),
        (Label(SupporterStage.Prospect), "まだ入金がない人（入会手続中の人、問い合わせのあった人など）。"),
        (Label(SupporterStage.New), "入金が1回の人。"),
        (Label(SupporterStage.Repeat), $"入金が2回以上で、ファンの条件に届かない人。"),
        (Label(SupporterStage.Fan), $"入金が{r.FanMinPayments}回以上あり、{r.FanMinYears}つ以上の年にわたる人。"),
        (Label(Dormancy.Dormant),
            $"最後の入金・接触（連絡記録、イベント参加、ボランティア活動）・入会のうち最も新しい日から{r.DormantAfterMonths}か月、何もない人。ちょうど{r.DormantAfterMonths}か月後の日から休眠です。"),
        (Label(Dormancy.DormantNoMailing),
            $"同じく{r.StopMailingAfterMonths}か月、何もない人。郵送・送付の対象から外します（会員ページで「休眠でも郵送を続ける」にした人は除きます）。"),
    ];

    public static string Label(SupporterClass c) => c switch
    {
        SupporterClass.FirstTime => "初回",
        SupporterClass.Second => "よちよち",
        SupporterClass.Steady => "こつこつ",
        SupporterClass.Burst => "流行",
        SupporterClass.Loyal => "優良",
        _ => "入金なし",
    };

    public static string Label(SupporterStage s) => s switch
    {
        SupporterStage.New => "新規",
        SupporterStage.Repeat => "リピート",
        SupporterStage.Fan => "ファン",
        _ => "見込み",
    };

    public static string Label(Dormancy d) => d switch
    {
        Dormancy.Dormant => "休眠",
        Dormancy.DormantNoMailing => "長期休眠（郵送対象外）",
        _ => "活動中",
    };
}
