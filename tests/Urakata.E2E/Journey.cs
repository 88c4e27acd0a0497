using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Urakata.E2E;

/// <summary>
/// A journey with several signed-in users, each in their own browser context: names its steps in the test output with the
/// time since the start, and on failure saves a screenshot and the HTML of every page with the step it failed in.
/// </summary>
internal sealed class Journey(UrakataServerFixture app, ITestOutputHelper output, string testName)
{
    private readonly List<(IPage Page, FailureArtifacts Artifacts)> _pages = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public string CurrentStep { get; private set; } = "start";

    public void Step(string name)
    {
        CurrentStep = name;
        output.WriteLine($"{_clock.Elapsed.TotalSeconds,5:0.0} s  {name}");
    }

    public async Task<IPage> SignInAsync(string user)
    {
        var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        _pages.Add((page, new FailureArtifacts(page, output)));
        await Ui.SignInAsync(page, user, app.BaseAddress);
        return page;
    }

    public async Task CaptureAsync()
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            await _pages[i].Artifacts.CaptureAsync(_pages[i].Page, testName + "-" + i, CurrentStep);
        }
    }
}
