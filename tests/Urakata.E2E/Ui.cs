using System.Diagnostics;
using Microsoft.Playwright;

namespace Urakata.E2E;

/// <summary>
/// Polling helpers for a Blazor Server UI. .NET Playwright has no <c>Expect(...).ToPassAsync</c>, and a click sent
/// before the SignalR circuit is attached is silently lost, so actions that must "take" are retried until their
/// visible effect appears.
/// </summary>
internal static class Ui
{
    /// <summary>How long a visible effect may take (the CI machine is slow: 2 cores, shared).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(150);

    /// <summary>How long one attempt of <see cref="RetryUntilAsync"/> waits for its effect before acting again.</summary>
    private static readonly TimeSpan AttemptWait = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// Runs <paramref name="action"/>, then waits a little for <paramref name="done"/>; repeats until it holds.
    /// Use only for idempotent actions (open a menu, select a tab): a late first click must do no harm.
    /// </summary>
    public static async Task RetryUntilAsync(string what, Func<Task> action, Func<Task<bool>> done, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Patience;
        var total = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await action();
            }
            catch (PlaywrightException) when (total.Elapsed < limit)
            {
                // The element was re-rendered or detached by the circuit starting up: try again.
            }
            catch (TimeoutException) when (total.Elapsed < limit)
            {
            }
            var attempt = Stopwatch.StartNew();
            while (attempt.Elapsed < AttemptWait)
            {
                if (await SafeAsync(done))
                {
                    return;
                }
                await Task.Delay(PollEvery);
            }
            if (total.Elapsed >= limit)
            {
                throw new TimeoutException($"{what}: the expected change did not appear within {limit.TotalSeconds:0} s.");
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Patience;
        var total = Stopwatch.StartNew();
        while (total.Elapsed < limit)
        {
            if (await SafeAsync(condition))
            {
                return true;
            }
            await Task.Delay(PollEvery);
        }
        return await SafeAsync(condition);
    }

    /// <summary>The trimmed visible text of the element once it equals <paramref name="expected"/>; asserts with the last text seen.</summary>
    public static async Task ExpectTextAsync(ILocator locator, string expected)
    {
        var last = "";
        await EventuallyAsync(async () => (last = await TextAsync(locator)) == expected);
        Assert.Equal(expected, last);
    }

    /// <summary>Waits until the element's visible text contains every one of <paramref name="parts"/>; asserts with the last text seen.</summary>
    public static async Task<string> ExpectTextContainsAsync(ILocator locator, params string[] parts)
    {
        var last = "";
        await EventuallyAsync(async () =>
        {
            last = await TextAsync(locator);
            return parts.All(p => last.Contains(p, StringComparison.Ordinal));
        });
        foreach (var part in parts)
        {
            Assert.Contains(part, last, StringComparison.Ordinal);
        }
        return last;
    }

    /// <summary>Waits until the locator matches at least one visible element; fails with <paramref name="what"/>.</summary>
    public static async Task ExpectVisibleAsync(ILocator locator, string what)
    {
        Assert.True(await EventuallyAsync(() => locator.First.IsVisibleAsync()), $"Not visible: {what}");
    }

    /// <summary>Signs in as a demo user (demo password) on the login page and waits for the home page.</summary>
    public static async Task SignInAsync(IPage page, string userName, Uri home)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", UrakataServerFixture.DemoPassword);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(home.ToString());
    }

    /// <summary>Opens <paramref name="path"/> and waits until its Blazor circuit is attached (the layout says so), so input and clicks are not lost.</summary>
    public static async Task GotoInteractiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        Assert.True(await EventuallyAsync(async () => await page.Locator("#interactive").GetAttributeAsync("data-interactive", new() { Timeout = 1_000 }) == "true"),
            $"{path}: the page did not become interactive.");
    }

    /// <summary>Fills a MudTextField/MudNumericField input and leaves it, so Blazor receives the change event.</summary>
    public static async Task FillAsync(IPage page, string selector, string value)
    {
        var input = page.Locator(selector);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        Assert.Equal(value, await input.InputValueAsync());
    }

    /// <summary>Opens a MudSelect (its id is on the read-only input) and picks the option whose text contains <paramref name="optionText"/>.</summary>
    public static async Task SelectAsync(IPage page, string selectId, string optionText)
    {
        var option = page.Locator(".mud-popover-open [role=option]", new() { HasText = optionText });
        await RetryUntilAsync($"open the select {selectId}",
            () => page.Locator(selectId).ClickAsync(new() { Force = true, Timeout = 5_000 }),
            () => option.First.IsVisibleAsync());
        await option.First.ClickAsync();
        Assert.True(await EventuallyAsync(async () => !await option.First.IsVisibleAsync()), $"The list of {selectId} did not close after choosing '{optionText}'.");
        var shown = "";
        await EventuallyAsync(async () => (shown = await page.Locator(selectId).InputValueAsync()).Contains(optionText, StringComparison.Ordinal));
        Assert.Contains(optionText, shown, StringComparison.Ordinal);
    }

    /// <summary>Approves the request open on <paramref name="page"/> (with an optional comment) and waits until the step shows the approval.</summary>
    public static async Task ApproveAsync(IPage page, string stepName, string? comment)
    {
        if (comment is not null)
        {
            await FillAsync(page, "#action-comment", comment);
        }
        var stepStatus = page.Locator($"[data-step={stepName}] .step-status");
        await RetryUntilAsync($"approve {stepName}", () => page.ClickAsync("#approve", new() { Timeout = 3_000 }),
            async () => (await stepStatus.InnerTextAsync()).Trim() == "承認済み");
    }

    /// <summary>Clicks a MudTabs tab by its text until it is the selected tab.</summary>
    public static async Task SelectTabAsync(IPage page, string name)
    {
        var tab = page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });
        await RetryUntilAsync($"select the tab {name}",
            () => tab.ClickAsync(new() { Timeout = 5_000 }),
            async () => await tab.GetAttributeAsync("aria-selected", new() { Timeout = 1_000 }) == "true");
    }

    private static async Task<string> TextAsync(ILocator locator)
    {
        try
        {
            return (await locator.InnerTextAsync(new() { Timeout = 1_000 })).Trim();
        }
        catch (TimeoutException)
        {
            return "(element not found)";
        }
        catch (PlaywrightException e)
        {
            return $"(element not readable: {e.Message.Split('\n')[0]})";
        }
    }

    private static async Task<bool> SafeAsync(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (PlaywrightException)
        {
            return false;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
