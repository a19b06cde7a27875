namespace MemberHub.FollowUp;

/// <summary>One payment as the classifier sees it (dues and donations of one member in one payment).</summary>
public sealed record PaymentFact(DateOnly ReceivedOn, long Amount);

/// <summary>What the classifier knows about one person.</summary>
public sealed record SupporterHistory(IReadOnlyList<PaymentFact> Payments, DateOnly? LastContactOn, DateOnly JoinedOn, bool KeepMailingWhenDormant = false);

/// <summary>Thresholds Admin sets (stored as JSON in <see cref="FollowUpSettings"/>). Defaults suit annual dues plus donations.</summary>
public sealed record ClassificationRules
{
    public int DormantAfterMonths { get; init; } = 12;
    public int StopMailingAfterMonths { get; init; } = 36;

    public static ClassificationRules Default { get; } = new();
}

public readonly record struct SupporterPlacement(SupporterClass Class, SupporterStage Stage, Dormancy Dormancy);

/// <summary>Places a person in a class, a stage and a dormancy state. Pure: no database, no clock.</summary>
public static class SupporterClassifier
{
    // SCAFFOLD: the follow-up engineer replaces this with the full rules (classes 初回…優良, stages, boundaries).
    public static SupporterPlacement Classify(SupporterHistory history, ClassificationRules rules, DateOnly today)
    {
        var count = history.Payments.Count;
        var cls = count switch { 0 => SupporterClass.None, 1 => SupporterClass.FirstTime, 2 => SupporterClass.Second, _ => SupporterClass.Steady };
        var stage = count switch { 0 => SupporterStage.Prospect, 1 => SupporterStage.New, _ => SupporterStage.Repeat };
        var lastPayment = count == 0 ? (DateOnly?)null : history.Payments.Max(p => p.ReceivedOn);
        var lastTouch = new[] { lastPayment, history.LastContactOn, history.JoinedOn }.Max();
        var dormancy = Dormancy.Active;
        if (lastTouch is { } t && t.AddMonths(rules.DormantAfterMonths) <= today)
            dormancy = t.AddMonths(rules.StopMailingAfterMonths) <= today && !history.KeepMailingWhenDormant ? Dormancy.DormantNoMailing : Dormancy.Dormant;
        return new SupporterPlacement(cls, stage, dormancy);
    }
}
