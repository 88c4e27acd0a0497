using System.Globalization;
using Urakata.Platform.Kernel;

namespace Urakata.Tests.Platform.Kernel;

public class WarekiTests
{
    [Theory]
    [InlineData("2026-11-23", "令和8年11月23日")]
    [InlineData("2019-04-30", "平成31年4月30日")]
    [InlineData("1989-01-07", "昭和64年1月7日")]
    [InlineData("1926-12-24", "大正15年12月24日")]
    [InlineData("1912-07-29", "明治45年7月29日")]
    public void Format_LastDayOfEraOrOrdinaryDay_UsesNumericYear(string date, string expected)
    {
        Assert.Equal(expected, Wareki.Format(Day(date)));
    }

    [Theory]
    [InlineData("2019-05-01", "令和元年5月1日")]
    [InlineData("2019-12-31", "令和元年12月31日")]
    [InlineData("1989-01-08", "平成元年1月8日")]
    [InlineData("1926-12-25", "昭和元年12月25日")]
    [InlineData("1912-07-30", "大正元年7月30日")]
    [InlineData("1868-01-25", "明治元年1月25日")]
    public void Format_FirstYearOfEra_UsesGannen(string date, string expected)
    {
        Assert.Equal(expected, Wareki.Format(Day(date)));
    }

    [Fact]
    public void Format_SecondYear_StartsOnJanuaryFirst()
    {
        Assert.Equal("令和2年1月1日", Wareki.Format(Day("2020-01-01")));
    }

    [Theory]
    [InlineData("2026-11-23", "R8.11.23")]
    [InlineData("2019-05-01", "R1.5.1")]
    [InlineData("2019-04-30", "H31.4.30")]
    [InlineData("1989-01-07", "S64.1.7")]
    [InlineData("1920-03-01", "T9.3.1")]
    [InlineData("1900-01-01", "M33.1.1")]
    public void FormatShort_UsesEraLetter(string date, string expected)
    {
        Assert.Equal(expected, Wareki.FormatShort(Day(date)));
    }

    [Theory]
    [InlineData("2019-04-30", "平成", 31)]
    [InlineData("2019-05-01", "令和", 1)]
    [InlineData("1989-01-07", "昭和", 64)]
    [InlineData("1989-01-08", "平成", 1)]
    public void EraYear_ReturnsEraAndYear(string date, string era, int year)
    {
        Assert.Equal((era, year), Wareki.EraYear(Day(date)));
    }

    [Theory]
    [InlineData('R', 1, 7, 1, "2019-07-01")]
    [InlineData('r', 8, 11, 23, "2026-11-23")]
    [InlineData('H', 31, 4, 30, "2019-04-30")]
    [InlineData('S', 64, 1, 7, "1989-01-07")]
    [InlineData('H', 1, 1, 8, "1989-01-08")]
    public void FromEraYear_IsTheInverseOfFormatShort(char letter, int year, int month, int day, string expected)
    {
        Assert.Equal(Day(expected), Wareki.FromEraYear(letter, year, month, day));
    }

    [Theory]
    [InlineData('R', 1, 4, 30)] // still 平成
    [InlineData('H', 31, 5, 1)] // already 令和
    [InlineData('S', 64, 1, 8)]
    [InlineData('R', 0, 7, 1)]
    [InlineData('R', 7, 2, 29)]
    [InlineData('R', 7, 13, 1)]
    [InlineData('X', 1, 1, 1)]
    public void FromEraYear_ADayOutsideTheEraOrCalendar_IsNull(char letter, int year, int month, int day)
    {
        Assert.Null(Wareki.FromEraYear(letter, year, month, day));
    }

    [Fact]
    public void Format_BeforeMeiji_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Wareki.Format(Day("1868-01-24")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Wareki.EraYear(DateOnly.MinValue));
    }

    private static DateOnly Day(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
