using System.ComponentModel.DataAnnotations;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Microsoft.Extensions.Options;

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

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public sealed record MailMessage(string ToAddress, string ToName, string Subject, string TextBody);

public interface IMailSender
{
    bool IsConfigured { get; }
    Task SendAsync(MailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Sends through SMTP with MailKit. Later features queue through an outbox and call this.</summary>
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
        mime.Body = new TextPart("plain") { Text = message.TextBody };

        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(o.Security, true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(o.Host!, o.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.UserName))
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
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
