using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Urakata.Platform.Notifications;

public sealed record EmailMessage(string To, string Subject, string Body);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

public sealed class SmtpOptions
{
    /// <summary>Empty: e-mail is off (notifications stay in-app).</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary><c>none</c>, <c>starttls</c> or <c>tls</c>.</summary>
    public string Security { get; set; } = "starttls";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "urakata@localhost";
    public string FromName { get; set; } = "Urakata";
    /// <summary>Base address put in links of e-mails (e.g. https://urakata.example.co.jp).</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>SMTP through MailKit, UTF-8 so Japanese subjects and bodies arrive intact.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            return;
        }
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(o.FromName, o.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };
        using var client = new SmtpClient();
        var security = o.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "tls" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(o.Host, o.Port, security, ct);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }
        await client.SendAsync(FormatOptions.Default, mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}
