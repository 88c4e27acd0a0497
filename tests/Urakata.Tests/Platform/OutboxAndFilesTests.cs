using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Outbox;
using Urakata.Platform.Security;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

public sealed class RecordingHandler : IDomainEventHandler<OrgAssignmentChanged>
{
    public static System.Collections.Concurrent.ConcurrentBag<Guid> Seen { get; } = [];

    public Task HandleAsync(OrgAssignmentChanged domainEvent, CancellationToken cancellationToken)
    {
        Seen.Add(domainEvent.AssignmentId);
        return Task.CompletedTask;
    }
}

/// <summary>The dispatcher is not running: the process "died" right after commit.</summary>
public sealed class NoDispatchFactory : UrakataFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<IHostedService>();
            s.AddScoped<IDomainEventHandler<OrgAssignmentChanged>, RecordingHandler>();
        });
    }
}

[Trait("Category", "Database")]
public sealed class OutboxAndFilesTests(NoDispatchFactory factory) : IClassFixture<NoDispatchFactory>
{
    [Fact]
    public async Task EventCommittedWithTheChange_IsDeliveredAfterRestart_Once()
    {
        var c = await factory.CreateCompanyAsync("イベント株式会社", "outbox-a");
        var assignment = await factory.InCompanyAsync(c.Id, c.AdminId, async sp =>
        {
            var org = sp.GetRequiredService<OrgAdmin>();
            var dept = await org.SaveDepartmentAsync(null, new SaveDepartment("E1", "企画部", null, null, 0));
            return await org.SaveAssignmentAsync(null, new SaveAssignment(c.AdminId, dept.Id, null, new DateOnly(2026, 4, 1), null, true));
        });
        Assert.DoesNotContain(assignment.Id, RecordingHandler.Seen);
        var pending = await factory.InCompanyAsync(c.Id, null, sp =>
            sp.GetRequiredService<UrakataDbContext>().OutboxMessages.CountAsync(m => m.CompanyId == c.Id && m.ProcessedAt == null));
        Assert.Equal(1, pending);

        // "Restart": a dispatcher picks up what was committed but never delivered.
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        Assert.True(await dispatcher.DispatchPendingAsync(CancellationToken.None) >= 1);
        Assert.Equal(0, await dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.Single(RecordingHandler.Seen, id => id == assignment.Id);
    }

    [Fact]
    public async Task PdfThatIsAZip_IsRefusedWithAClearMessage_AndStoresNothing()
    {
        var c = await factory.CreateCompanyAsync("ファイル株式会社", "files-a");
        var client = await factory.CreateApiClientAsync(c);
        var zip = new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6 };
        var response = await UploadAsync(client, "請求書.pdf", zip);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("PDF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.InCompanyAsync(c.Id, null, sp => sp.GetRequiredService<UrakataDbContext>().Files.CountAsync()));
    }

    [Fact]
    public async Task RealPdf_IsStoredOnce_AndDownloadsAsAttachmentWithSafeHeaders()
    {
        var c = await factory.CreateCompanyAsync("ダウンロード株式会社", "files-b");
        var client = await factory.CreateApiClientAsync(c);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        var first = await UploadAsync(client, "../../見積書.pdf", pdf);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await UploadAsync(client, "copy.pdf", pdf);
        var download = await client.GetAsync(first.Headers.Location);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("見積書.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());
        var blobs = Directory.GetFiles(Path.Combine(factory.Database.Folder, "files"), "*", SearchOption.AllDirectories);
        Assert.Single(blobs);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] bytes)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", name);
        return await client.PostAsync("/api/v1/platform/files", content);
    }
}
