namespace MemberHub.Messaging;

/// <summary>When the outbox tries a message again after a temporary failure, and when it gives up.</summary>
public static class OutboxRetry
{
    /// <summary>Minutes to wait after the 1st, 2nd, 3rd … failed attempt; the last value repeats.</summary>
    private static readonly int[] DelayMinutes = [1, 5, 15, 60, 120, 240, 480];

    /// <summary>Attempts after which a message that still fails temporarily is marked 失敗 (about 15 hours in all).</summary>
    public const int DefaultMaxAttempts = 8;

    /// <summary>The wait after <paramref name="attempts"/> failed attempts (1 = the first attempt failed).</summary>
    public static TimeSpan DelayAfter(int attempts) =>
        TimeSpan.FromMinutes(DelayMinutes[Math.Clamp(attempts, 1, DelayMinutes.Length) - 1]);

    /// <summary>True when a temporary failure on attempt number <paramref name="attempts"/> should end the tries.</summary>
    public static bool GivesUp(int attempts, int maxAttempts) => attempts >= maxAttempts;
}

/// <summary>Reasons recorded on outbox messages, as staff read them in メール送信状況.</summary>
public static class OutboxReasons
{
    public const string Interrupted = "送信処理の途中で停止しました。受信者に届いているか確認のうえ、必要なら再送してください。";
    public const string Cancelled = "取り消し";
    public const string RefusesEmail = "会員がメールの受け取りを希望していない（メール拒否）ため、送信しませんでした。";
    public const string NoAddress = "宛先のメールアドレスがありません。";
}

public static class OutboxLabels
{
    public static string Of(OutboxStatus s) => s switch
    {
        OutboxStatus.Pending => "待機",
        OutboxStatus.Sending => "送信中",
        OutboxStatus.Sent => "送信済",
        OutboxStatus.Failed => "失敗",
        _ => s.ToString(),
    };

    public static string Category(string category) => category switch
    {
        OutboxCategories.Invoice => "会費請求",
        OutboxCategories.Reminder => "督促",
        OutboxCategories.ThankYou => "お礼",
        "volunteer-invitation" => "ボランティア依頼",
        "newsletter" => "お知らせ",
        _ => category,
    };
}

public static class OutboxCategories
{
    public const string Invoice = "invoice";
    public const string Reminder = "reminder";
    public const string ThankYou = "thanks";
}
