using MimeKit;
using Urakata.Tests.Platform;

namespace Urakata.Tests.Workflow;

/// <summary>"Waiting for you", "sent back" and "approved" reach a real SMTP server on loopback, with a link that opens the request.</summary>
[Trait("Category", "Database")]
public sealed class WorkflowEmailTests(SmtpFactory factory) : IClassFixture<SmtpFactory>
{
    [Fact]
    public async Task EachStepOfTheFlow_MailsThePeopleConcerned()
    {
        factory.StartSmtp();
        var demo = await WorkflowDemo.SeedAsync(factory);
        var r = await demo.RingiAsync("inoue", "メール通知の確認", 70_000);
        var link = $"https://urakata.example.jp/workflow/requests/{r.Id}";

        var waiting = await MailAsync("nakamura@example.jp", "承認依頼");
        Assert.Equal($"承認依頼: {r.Number} メール通知の確認(稟議)", waiting.Subject);
        Assert.Contains(link, waiting.TextBody, StringComparison.Ordinal);

        await demo.Requests("nakamura", s => s.SendBackAsync(r.Id, null, "見積書を添付してください", null));
        var back = await MailAsync("inoue@example.jp", "差し戻されました");
        Assert.Contains("見積書を添付してください", back.TextBody, StringComparison.Ordinal);

        await demo.Requests("inoue", s => s.SubmitAsync(r.Id));
        await demo.Requests("nakamura", s => s.ApproveAsync(r.Id, null, null));
        await demo.Requests("yamamoto", s => s.ApproveAsync(r.Id, null, null));
        var approved = await MailAsync("inoue@example.jp", "承認されました");
        Assert.Contains(link, approved.TextBody, StringComparison.Ordinal);
    }

    private async Task<MimeMessage> MailAsync(string to, string subjectPart)
    {
        var folder = Path.Combine(factory.Maildir, "new");
        for (var i = 0; i < 100; i++)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == to) && message.Subject?.Contains(subjectPart, StringComparison.Ordinal) == true)
                {
                    return message;
                }
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"No mail to {to} with '{subjectPart}' arrived.");
    }
}
