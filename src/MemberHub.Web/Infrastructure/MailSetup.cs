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
    }
}
