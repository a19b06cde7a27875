using MemberHub.Auditing;

namespace MemberHub.Messaging;

/// <summary>An editable text with merge fields ({{氏名}} …) for e-mails and letters; see <see cref="TemplateText"/>.</summary>
public class MessageTemplate : IAudited
{
    public long Id { get; set; }
    /// <summary>Fixed key the code asks for, e.g. <see cref="TemplateKeys.InvoiceEmail"/>.</summary>
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public static class TemplateKeys
{
    public const string InvoiceEmail = "invoice-email";
    public const string ReminderEmail = "reminder-email";
    public const string ReminderLetter = "reminder-letter";
    public const string ThankYouEmail = "thanks-email";
    public const string ThankYouLetter = "thanks-letter";
}
