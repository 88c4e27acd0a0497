using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Urakata.Platform.Notifications;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

/// <summary>A real SMTP server on loopback: Debian's python3-aiosmtpd writing every message to a maildir.</summary>
public sealed class SmtpFactory : UrakataFactory
{
    public int SmtpPort { get; } = FreePort();
    // Python's Maildir creates new/cur/tmp only when the folder itself does not exist yet.
    public string Maildir { get; } = Path.Combine(Directory.CreateTempSubdirectory("urakata-mail-").FullName, "maildir");
    private Process? _server;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "none",
        ["Smtp:From"] = "urakata@example.jp",
        ["Smtp:PublicBaseUrl"] = "https://urakata.example.jp",
    };

    public void StartSmtp()
    {
        if (_server is not null)
        {
            return;
        }
        _server = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{SmtpPort}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("python3-aiosmtpd could not start (./test.sh installs it).");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, SmtpPort);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new InvalidOperationException("The SMTP server did not start: " + _server.StandardError.ReadToEnd());
    }

    public override async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
        }
        _server?.Dispose();
        await base.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[Trait("Category", "Database")]
public sealed class EmailNotificationTests(SmtpFactory factory) : IClassFixture<SmtpFactory>
{
    [Fact]
    public async Task Notification_WithEmail_ArrivesAtTheSmtpServer_InJapanese_AndStaysInApp()
    {
        factory.StartSmtp();
        var c = await factory.CreateCompanyAsync("メール株式会社", "mail-a");
        await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<NotificationService>()
            .SendAsync(new NotificationMessage(c.AdminId, "稟議 RG-2026-000001 が承認待ちです", "ご確認ください。", "/requests/1", Email: true)));

        var newMail = Path.Combine(factory.Maildir, "new");
        string[] files = [];
        for (var i = 0; i < 50 && files.Length == 0; i++)
        {
            files = Directory.Exists(newMail) ? Directory.GetFiles(newMail) : [];
            await Task.Delay(100);
        }
        var message = await MimeMessage.LoadAsync(Assert.Single(files));
        Assert.Equal("稟議 RG-2026-000001 が承認待ちです", message.Subject);
        Assert.Equal("mail-a@example.jp", message.To.Mailboxes.Single().Address);
        Assert.Contains("ご確認ください。", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://urakata.example.jp/requests/1", message.TextBody, StringComparison.Ordinal);
        var unread = await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<NotificationService>().UnreadCountAsync(c.AdminId));
        Assert.Equal(1, unread);
    }

    [Fact]
    public async Task Notification_InARolledBackTransaction_IsNeverMailed()
    {
        factory.StartSmtp();
        var c = await factory.CreateCompanyAsync("取消株式会社", "mail-b");
        await factory.InCompanyAsync(c.Id, c.AdminId, async sp =>
        {
            var db = sp.GetRequiredService<Urakata.Platform.Data.UrakataDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await sp.GetRequiredService<NotificationService>().SendAsync(new NotificationMessage(c.AdminId, "取り消される通知", Email: true));
            await tx.RollbackAsync();
        });
        await Task.Delay(TimeSpan.FromSeconds(2));
        var newMail = Path.Combine(factory.Maildir, "new");
        var mails = Directory.Exists(newMail) ? Directory.GetFiles(newMail) : [];
        Assert.DoesNotContain(mails, f => File.ReadAllText(f).Contains("mail-b@example.jp", StringComparison.Ordinal));
        Assert.Equal(0, await factory.InCompanyAsync(c.Id, c.AdminId, sp => sp.GetRequiredService<NotificationService>().UnreadCountAsync(c.AdminId)));
    }
}
