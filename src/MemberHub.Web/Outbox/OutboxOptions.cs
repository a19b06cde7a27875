using System.ComponentModel.DataAnnotations;

namespace MemberHub.Web.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>False: no background sending; tests drive <see cref="OutboxSender"/> by hand.</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>How often the sender looks for due messages (real time; it is also woken when mail is queued).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = Messaging.OutboxRetry.DefaultMaxAttempts;

    /// <summary>How long a claimed message is reserved for the instance sending it; far longer than one SMTP conversation.</summary>
    [Range(1, 1440)]
    public int ClaimMinutes { get; set; } = 15;

    /// <summary>Messages handled per round before the sender looks again.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
}
