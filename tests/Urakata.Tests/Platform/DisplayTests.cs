using System.Globalization;
using Urakata.Platform.Components;

namespace Urakata.Tests.Platform;

public sealed class DisplayTests
{
    [Theory]
    [InlineData("ja-JP", "2026/11/23(月)", "2026/11/23 09:30:00", "¥1,234,567")]
    [InlineData("en-US", "2026-11-23 (Mon)", "2026-11-23 09:30:00", "¥1,234,567")]
    public void DatesInstantsAndYen_FollowTheUsersLanguage_InJapanTime(string culture, string date, string instant, string yen)
    {
        var (savedUi, saved) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.Equal(date, Display.Date(new DateOnly(2026, 11, 23)));
            // 00:30 UTC is 09:30 in Tokyo.
            Assert.Equal(instant, Display.Instant(new DateTime(2026, 11, 23, 0, 30, 0, DateTimeKind.Utc)));
            Assert.Equal(yen, Display.Yen(1_234_567));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (savedUi, saved);
        }
    }

    [Fact]
    public void Today_IsTheDateInTokyo_NotUtc()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 11, 24), Display.Today(clock));
    }

    [Theory]
    [InlineData("2026-04-01")]
    [InlineData("2026/04/01")]
    [InlineData("2026/4/1")]
    [InlineData("２０２６／４／１")]
    public void ParseDate_AcceptsWhatJapaneseUsersType(string text) =>
        Assert.Equal(new DateOnly(2026, 4, 1), Display.ParseDate(text));

    [Theory]
    [InlineData("")]
    [InlineData("2026-02-30")]
    [InlineData("R8.4.1")]
    public void ParseDate_RefusesAnythingElse(string text) => Assert.Null(Display.ParseDate(text));
}
