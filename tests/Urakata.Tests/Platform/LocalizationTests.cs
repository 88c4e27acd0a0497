using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Xml.Linq;
using Urakata.Platform;
using Urakata.Platform.Features;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.Platform;

public sealed class ResourceTests
{
    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot(), "src"), "*.resx", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoRoot(), file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void JapaneseAndEnglish_HaveTheSameKeys_AndNoEmptyText(string neutralFile)
    {
        static Dictionary<string, string> Load(string path) =>
            XDocument.Load(path).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");
        var path = Path.Combine(RepoRoot(), neutralFile);
        var ja = Load(path);
        var en = Load(Path.ChangeExtension(path, ".en.resx"));
        Assert.Equal(ja.Keys.Order(StringComparer.Ordinal), en.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(ja.Concat(en), kv => string.IsNullOrWhiteSpace(kv.Value));
        // Japanese is the default: the neutral file must actually be Japanese.
        Assert.Contains(ja.Values, v => v.Any(c => c is >= '\u3040' and <= '\u30ff'));
    }

    [Fact]
    public void EveryMessage_ResolvesInBothLanguages_AndDiffers()
    {
        var properties = new[] { typeof(Messages), typeof(Urakata.Workflow.WorkflowMessages), typeof(Urakata.Accounting.AccountingMessages), typeof(Urakata.People.PeopleMessages) }
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static)).Where(p => p.PropertyType == typeof(string)).ToList();
        Assert.NotEmpty(properties);
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var p in properties)
            {
                CultureInfo.CurrentUICulture = new CultureInfo("ja-JP");
                var ja = (string)p.GetValue(null)!;
                CultureInfo.CurrentUICulture = new CultureInfo("en-US");
                var en = (string)p.GetValue(null)!;
                Assert.NotEqual(p.Name, ja);
                Assert.NotEqual(ja, en);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Urakata.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}

[Trait("Category", "Database")]
public sealed class ApiErrorLanguageTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    [Fact]
    public async Task BrokenRule_Answers400ProblemDetails_InJapaneseByDefault_EnglishOnRequest()
    {
        var c = await factory.CreateCompanyAsync("言語株式会社", "lang-a");
        var client = await factory.CreateApiClientAsync(c);
        var ja = await client.PostAsJsonAsync("/api/v1/platform/positions", new SavePosition("X", "係長", 5000));
        Assert.Equal(HttpStatusCode.BadRequest, ja.StatusCode);
        var jaBody = await ja.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("序列は0〜1000で指定してください。", jaBody.GetProperty("title").GetString());
        Assert.True(jaBody.GetProperty("errors").TryGetProperty("Rank", out _));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/platform/positions") { Content = JsonContent.Create(new SavePosition("X", "Chief", 5000)) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var en = await client.SendAsync(request);
        Assert.Equal("The rank must be between 0 and 1000.", (await en.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString());
    }
}
