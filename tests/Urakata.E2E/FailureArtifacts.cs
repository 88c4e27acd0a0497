using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Urakata.E2E;

/// <summary>
/// On a failed test: a full-page screenshot and the page's HTML in <c>URAKATA_E2E_ARTIFACTS</c> (default:
/// <c>TestResults</c> under the test's working directory), plus the browser's errors in the test output.
/// </summary>
internal sealed class FailureArtifacts
{
    private readonly List<string> _browserErrors = [];
    private readonly ITestOutputHelper _output;

    public FailureArtifacts(IPage page, ITestOutputHelper output)
    {
        _output = output;
        page.PageError += (_, error) => Record("page error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record("console error: " + message.Text);
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // ERR_ABORTED is a navigation replaced by the next one (a link that Blazor also force-loads), not an error.
            if (request.Failure?.Contains("ERR_ABORTED", StringComparison.Ordinal) != true)
            {
                Record($"request failed: {request.Method} {request.Url} {request.Failure}");
            }
        };
    }

    public static string Folder =>
        Environment.GetEnvironmentVariable("URAKATA_E2E_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Directory.GetCurrentDirectory(), "TestResults");

    /// <summary>Saves what the user saw; never throws (the test's own failure is the one to report).</summary>
    public async Task CaptureAsync(IPage page, string testName, string step)
    {
        _output.WriteLine($"FAILED during step: {step}");
        _output.WriteLine($"Page URL: {page.Url}");
        foreach (var error in Snapshot())
        {
            _output.WriteLine("Browser " + error);
        }
        try
        {
            Directory.CreateDirectory(Folder);
            var screenshot = Path.Combine(Folder, $"e2e-{testName}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true, Timeout = 10_000 });
            _output.WriteLine($"Screenshot: {screenshot}");
            var html = Path.Combine(Folder, $"e2e-{testName}.html");
            await File.WriteAllTextAsync(html, await page.ContentAsync());
            _output.WriteLine($"HTML: {html}");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            _output.WriteLine($"Could not save the failure artifacts: {e.Message}");
        }
    }

    private void Record(string error)
    {
        lock (_browserErrors)
        {
            _browserErrors.Add(error);
        }
    }

    private List<string> Snapshot()
    {
        lock (_browserErrors)
        {
            return [.. _browserErrors];
        }
    }
}
