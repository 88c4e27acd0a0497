using System.Globalization;
using Urakata.Platform.Kernel;

namespace Urakata.Tests.Platform.Kernel;

public class JapaneseHolidaysTests
{
    // Reference §7.4 (jp-accounting-tax-banking.md), copied date by date.
    [Theory]
    [InlineData(2025, 19, "01-01 01-13 02-11 02-23 02-24 03-20 04-29 05-03 05-04 05-05 05-06 07-21 08-11 09-15 09-23 10-13 11-03 11-23 11-24")]
    [InlineData(2026, 18, "01-01 01-12 02-11 02-23 03-20 04-29 05-03 05-04 05-05 05-06 07-20 08-11 09-21 09-22 09-23 10-12 11-03 11-23")]
    [InlineData(2027, 17, "01-01 01-11 02-11 02-23 03-21 03-22 04-29 05-03 05-04 05-05 07-19 08-11 09-20 09-23 10-11 11-03 11-23")]
    public void ForYear_MatchesReferenceTable(int year, int count, string monthDays)
    {
        var expected = Dates(year, monthDays);

        var actual = JapaneseHolidays.ForYear(year).Select(h => h.Date).ToList();

        Assert.Equal(count, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("2025-02-24", HolidayKind.Substitute)]
    [InlineData("2025-05-06", HolidayKind.Substitute)]
    [InlineData("2025-11-24", HolidayKind.Substitute)]
    [InlineData("2026-05-06", HolidayKind.Substitute)]
    [InlineData("2026-09-22", HolidayKind.Bridge)]
    [InlineData("2027-03-22", HolidayKind.Substitute)]
    [InlineData("2026-11-23", HolidayKind.National)]
    public void Find_ReferenceDays_HaveExpectedKind(string date, HolidayKind kind)
    {
        Assert.Equal(kind, JapaneseHolidays.Find(Day(date))?.Kind);
    }

    [Fact]
    public void Find_GoldenWeek2026_SubstituteSkipsPastFurtherHolidays()
    {
        // 05-03 (Sun) 憲法記念日: 05-04 and 05-05 are 祝日 themselves, so the 振替休日 is 05-06 (Wed).
        Assert.Equal("振替休日", JapaneseHolidays.Find(new DateOnly(2026, 5, 6))?.NameJa);
        Assert.Equal("みどりの日", JapaneseHolidays.Find(new DateOnly(2026, 5, 4))?.NameJa);
    }

    [Fact]
    public void ForYear_2019GoldenWeek_IsUnbrokenFromApril29ToMay6()
    {
        // 2019 GW: 04-27 Sat and 04-28 Sun are weekends, not holidays. Then every day is one:
        // 04-29 昭和の日 (Mon), 04-30 国民の休日 (between 昭和の日 and 即位の日), 05-01 即位の日
        // (deemed a 祝日 by its special law), 05-02 国民の休日 (between 即位の日 and 憲法記念日),
        // 05-03 憲法記念日, 05-04 みどりの日 (Sat), 05-05 こどもの日 (Sun), 05-06 its 振替休日.
        var expected = new[]
        {
            (Day("2019-04-29"), HolidayKind.National),
            (Day("2019-04-30"), HolidayKind.Bridge),
            (Day("2019-05-01"), HolidayKind.National),
            (Day("2019-05-02"), HolidayKind.Bridge),
            (Day("2019-05-03"), HolidayKind.National),
            (Day("2019-05-04"), HolidayKind.National),
            (Day("2019-05-05"), HolidayKind.National),
            (Day("2019-05-06"), HolidayKind.Substitute),
        };

        var actual = JapaneseHolidays.ForYear(2019)
            .Where(h => h.Date >= Day("2019-04-27") && h.Date <= Day("2019-05-06"))
            .Select(h => (h.Date, h.Kind));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ForYear_2019_HasEnthronementCeremonyAndNoEmperorsBirthday()
    {
        var holidays = JapaneseHolidays.ForYear(2019);

        Assert.Equal("即位礼正殿の儀", JapaneseHolidays.Find(Day("2019-10-22"))?.NameJa);
        Assert.DoesNotContain(holidays, h => h.NameJa == "天皇誕生日");
        Assert.Equal(22, holidays.Count);
    }

    [Theory]
    [InlineData("2020-07-23", "海の日")]
    [InlineData("2020-07-24", "スポーツの日")]
    [InlineData("2020-08-10", "山の日")]
    [InlineData("2021-07-22", "海の日")]
    [InlineData("2021-07-23", "スポーツの日")]
    [InlineData("2021-08-08", "山の日")]
    [InlineData("2021-08-09", "振替休日")]
    public void Find_OlympicYears_HolidaysMoved(string date, string nameJa)
    {
        Assert.Equal(nameJa, JapaneseHolidays.Find(Day(date))?.NameJa);
    }

    [Theory]
    [InlineData("2020-07-20")]
    [InlineData("2020-08-11")]
    [InlineData("2020-10-12")]
    [InlineData("2021-07-19")]
    [InlineData("2021-08-11")]
    [InlineData("2021-10-11")]
    public void IsHoliday_OlympicYears_UsualDatesAreWorkdays(string date)
    {
        Assert.False(JapaneseHolidays.IsHoliday(Day(date)));
    }

    [Fact]
    public void ForYear_2007_FirstShowaDayAndGreeneryDayOnMay4()
    {
        // 2007-04-29 was a Sunday, so the first 昭和の日 also gave the year's first post-amendment 振替休日.
        Assert.Equal("昭和の日", JapaneseHolidays.Find(Day("2007-04-29"))?.NameJa);
        Assert.Equal(HolidayKind.Substitute, JapaneseHolidays.Find(Day("2007-04-30"))?.Kind);
        Assert.Equal("みどりの日", JapaneseHolidays.Find(Day("2007-05-04"))?.NameJa);
        Assert.Equal("みどりの日", JapaneseHolidays.Find(Day("2006-04-29"))?.NameJa);
        Assert.Equal(HolidayKind.Bridge, JapaneseHolidays.Find(Day("2006-05-04"))?.Kind);
    }

    [Fact]
    public void Find_2008_SundayGreeneryDaySubstituteMovesToTuesday()
    {
        // 2008-05-04 (Sun): 05-05 is こどもの日, so since the 2007 rule the 振替休日 is 05-06.
        Assert.Equal(HolidayKind.Substitute, JapaneseHolidays.Find(Day("2008-05-06"))?.Kind);
    }

    [Theory]
    [InlineData("2009-09-22")]
    [InlineData("2015-09-22")]
    [InlineData("2032-09-21")]
    [InlineData("2037-09-22")]
    public void Find_SilverWeek_IsBridgeHoliday(string date)
    {
        Assert.Equal(HolidayKind.Bridge, JapaneseHolidays.Find(Day(date))?.Kind);
    }

    [Theory]
    [InlineData("1999-01-15", "成人の日")]
    [InlineData("2000-01-10", "成人の日")]
    [InlineData("1988-04-29", "天皇誕生日")]
    [InlineData("1989-04-29", "みどりの日")]
    [InlineData("1989-12-23", "天皇誕生日")]
    [InlineData("2018-12-23", "天皇誕生日")]
    [InlineData("2020-02-23", "天皇誕生日")]
    [InlineData("1996-07-20", "海の日")]
    [InlineData("2003-07-21", "海の日")]
    [InlineData("2002-09-15", "敬老の日")]
    [InlineData("2003-09-15", "敬老の日")]
    [InlineData("1999-10-10", "体育の日")]
    [InlineData("2000-10-09", "体育の日")]
    [InlineData("2016-08-11", "山の日")]
    [InlineData("1989-02-24", "昭和天皇の大喪の礼")]
    [InlineData("1990-11-12", "即位礼正殿の儀")]
    [InlineData("1993-06-09", "皇太子徳仁親王の結婚の儀")]
    [InlineData("1959-04-10", "皇太子明仁親王の結婚の儀")]
    [InlineData("1979-03-21", "春分の日")]
    [InlineData("1973-04-30", "振替休日")]
    [InlineData("1988-05-04", "国民の休日")]
    public void Find_HistoricalRules(string date, string nameJa)
    {
        Assert.Equal(nameJa, JapaneseHolidays.Find(Day(date))?.NameJa);
    }

    [Theory]
    [InlineData("2018-12-24", true)] // 天皇誕生日 on Sunday
    [InlineData("2019-12-23", false)]
    [InlineData("2003-09-15", true)] // 3rd Monday happened to be the 15th
    [InlineData("2004-09-15", false)]
    [InlineData("2015-08-11", false)] // 山の日 starts 2016
    [InlineData("1986-05-04", false)] // Sunday: not a 国民の休日 before 2007
    [InlineData("1985-05-04", false)] // before 3条3項 (1985-12-27)
    [InlineData("1972-04-30", false)] // before 振替休日 (1973-04-12)
    public void IsHoliday_BoundaryYears(string date, bool expected)
    {
        Assert.Equal(expected, JapaneseHolidays.IsHoliday(Day(date)));
    }

    [Fact]
    public void ForYear_IsSortedAndConsistentWithFind()
    {
        var holidays = JapaneseHolidays.ForYear(2026);

        Assert.Equal(holidays.OrderBy(h => h.Date), holidays);
        Assert.All(holidays, h => Assert.Same(h, JapaneseHolidays.Find(h.Date)));
        Assert.Null(JapaneseHolidays.Find(Day("2026-06-01")));
    }

    [Fact]
    public void ForYear_CalledTwice_ReturnsCachedList()
    {
        Assert.Same(JapaneseHolidays.ForYear(2030), JapaneseHolidays.ForYear(2030));
    }

    [Fact]
    public void ForYear_EverySupportedYear_IsSortedUniqueAndStartsWithNewYear()
    {
        var years = Enumerable.Range(JapaneseHolidays.MinYear, JapaneseHolidays.MaxYear - JapaneseHolidays.MinYear + 1);

        // Parallel on purpose: the per-year cache is filled from many threads at once.
        var tables = years.AsParallel().Select(y => (Year: y, Holidays: JapaneseHolidays.ForYear(y))).ToList();

        Assert.All(tables, t =>
        {
            Assert.Equal(new DateOnly(t.Year, 1, 1), t.Holidays[0].Date);
            Assert.All(t.Holidays.Zip(t.Holidays.Skip(1)), pair => Assert.True(pair.First.Date < pair.Second.Date));
            Assert.All(t.Holidays, h => Assert.Equal(t.Year, h.Date.Year));
        });
    }

    [Theory]
    [InlineData(JapaneseHolidays.MinYear - 1)]
    [InlineData(JapaneseHolidays.MaxYear + 1)]
    public void ForYear_OutsideSupportedRange_Throws(int year)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.ForYear(year));

        Assert.Contains("2099", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.IsHoliday(new DateOnly(year, 6, 1)));
    }

    private static DateOnly Day(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<DateOnly> Dates(int year, string monthDays) =>
        [.. monthDays.Split(' ').Select(md => Day($"{year.ToString(CultureInfo.InvariantCulture)}-{md}"))];
}
