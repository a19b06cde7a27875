using System.ComponentModel.DataAnnotations;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Microsoft.Extensions.Options;
using MemberHub.Web.Outbox;

namespace MemberHub.Web.Infrastructure;

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>Empty: no mail server; invitation links are shown on screen instead.</summary>
    public string? Host { get; set; }
    [Range(1, 65535)]
    public int Port { get; set; } = 587;
    /// <summary>Auto, None, StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "memberhub@localhost";
    public string FromName { get; set; } = "MemberHub";
    /// <summary>Per SMTP command; a server that stops answering fails the attempt (retried later) instead of hanging.</summary>
    [Range(5, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// One e-mail. <paramref name="MessageId"/> (without angle brackets) is fixed by the outbox when the message is
/// queued, so a message that is sent again carries the same Message-ID and receivers can tell it is the same mail.
/// </summary>
/// <paramref name="ListUnsubscribeUrl"/>, on bulk mail only, becomes the List-Unsubscribe and List-Unsubscribe-Post
/// (RFC 8058 one-click) headers.
public sealed record MailMessage(string ToAddress, string ToName, string Subject, string TextBody,
    IReadOnlyList<MailAttachment>? Attachments = null, string? MessageId = null, string? ListUnsubscribeUrl = null);

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

public interface IMailSender
{
    bool IsConfigured { get; }
    Task SendAsync(MailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// Sends through SMTP with MailKit: invitations and password resets directly, everything else through the outbox
/// (MemberHub.Web.Outbox). MailKit's exceptions pass through unchanged; the outbox sorts them into temporary and permanent.
/// </summary>
public sealed class SmtpMailSender(IOptionsMonitor<SmtpOptions> options) : IMailSender
{
    public bool IsConfigured => options.CurrentValue.IsConfigured;

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken = default)
    {
        var o = options.CurrentValue;
        if (!o.IsConfigured) throw new InvalidOperationException("SMTP is not configured.");
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        if (!string.IsNullOrEmpty(message.MessageId)) mime.MessageId = message.MessageId;
        if (!string.IsNullOrEmpty(message.ListUnsubscribeUrl))
        {
            mime.Headers.Add("List-Unsubscribe", "<" + message.ListUnsubscribeUrl + ">");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var body = new BodyBuilder { TextBody = message.TextBody };
        foreach (var a in message.Attachments ?? [])
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        mime.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(o.TimeoutSeconds).TotalMilliseconds };
        var security = Enum.TryParse<SecureSocketOptions>(o.Security, true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(o.Host!, o.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.UserName))
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
        await client.SendAsync(mime, cancellationToken);
        try
        {
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            // The server has accepted the message; a failure to say goodbye must not make the caller send it again.
        }
    }
}

public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The address people reach the site at, e.g. https://members.example.org; required with SMTP.</summary>
    public string? PublicUrl { get; set; }

    public static bool IsAbsoluteWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
}

public static class MailSetup
{
    public static void AddMemberHubMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>()
            .Bind(builder.Configuration.GetSection(SmtpOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
        builder.Services.AddScoped<SiteLinks>();

        // The outbox: features queue mail with OutboxQueue in their own SaveChanges; OutboxWorker sends it.
        builder.Services.AddOptions<OutboxOptions>()
            .Bind(builder.Configuration.GetSection(OutboxOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<OutboxQueue>();
        builder.Services.AddScoped<OutboxSender>();
        if (builder.Configuration.GetValue($"{OutboxOptions.Section}:{nameof(OutboxOptions.RunInBackground)}", true))
            builder.Services.AddHostedService<OutboxWorker>();

        // A link in an e-mail (invitation, password reset) must point at this site whoever asked for it; built
        // from a forged request's Host header it would carry a reset token to someone else's server.
        var configuration = builder.Configuration;
        builder.Services.AddOptions<SiteOptions>()
            .Bind(configuration.GetSection(SiteOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || SiteOptions.IsAbsoluteWebUrl(o.PublicUrl),
                "Site:PublicUrl must be an absolute http(s) address, e.g. https://members.example.org")
            .Validate(o => string.IsNullOrWhiteSpace(configuration["Smtp:Host"]) || SiteOptions.IsAbsoluteWebUrl(o.PublicUrl),
                "Site:PublicUrl is required when Smtp:Host is set: e-mailed links are built from it.")
            .ValidateOnStart();
    }
}
