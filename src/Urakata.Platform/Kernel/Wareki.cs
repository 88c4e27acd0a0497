using System.Globalization;

namespace Urakata.Platform.Kernel;

/// <summary>
/// 和暦 (Japanese era dates) from an explicit table rather than JapaneseCalendar, whose era data
/// comes from the OS/ICU and has differed between platforms (Meiji's start, Reiwa before updates).
/// </summary>
public static class Wareki
{
    // Newest first. A new era is one more row (and 元号 change day) here.
    // 明治 starts at 1868-01-25, the Gregorian date of 明治元年1月1日: the era was proclaimed in
    // the ninth month and applied to the whole year. Japan used the lunisolar calendar until
    // 明治5年12月2日 (1872-12-31), so month and day before 1873 are proleptic Gregorian, not 旧暦.
    private static readonly Era[] Eras =
    [
        new("令和", 'R', new DateOnly(2019, 5, 1)),
        new("平成", 'H', new DateOnly(1989, 1, 8)),
        new("昭和", 'S', new DateOnly(1926, 12, 25)),
        new("大正", 'T', new DateOnly(1912, 7, 30)),
        new("明治", 'M', new DateOnly(1868, 1, 25)),
    ];

    /// <summary>"令和8年11月23日"; the first year of an era is 元年 ("令和元年5月1日").</summary>
    public static string Format(DateOnly date)
    {
        var (era, year) = Resolve(date);
        var yearText = year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{era.Name}{yearText}年{date.Month}月{date.Day}日");
    }

    /// <summary>"R8.11.23", unpadded like Excel's ge.m.d; the first year is 1 ("R1.5.1").</summary>
    public static string FormatShort(DateOnly date)
    {
        var (era, year) = Resolve(date);
        return string.Create(CultureInfo.InvariantCulture, $"{era.Letter}{year}.{date.Month}.{date.Day}");
    }

    /// <summary>
    /// The date of era year <paramref name="year"/> (1 = 元年) of the era with <paramref name="letter"/> ('R', 'H', 'S',
    /// 'T', 'M', either case), as files write it ("R.01/07/01", "H31/4/30"); null when that day does not exist or lies
    /// outside the era (R1/4/30 was still 平成).
    /// </summary>
    public static DateOnly? FromEraYear(char letter, int year, int month, int day)
    {
        for (var i = 0; i < Eras.Length; i++)
        {
            var era = Eras[i];
            if (char.ToUpperInvariant(letter) != era.Letter)
            {
                continue;
            }
            var gregorian = era.Start.Year + year - 1;
            if (year < 1 || gregorian > DateOnly.MaxValue.Year || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(gregorian, month))
            {
                return null;
            }
            var date = new DateOnly(gregorian, month, day);
            var next = i == 0 ? DateOnly.MaxValue : Eras[i - 1].Start;
            return date >= era.Start && date < next ? date : null;
        }
        return null;
    }

    public static (string EraName, int Year) EraYear(DateOnly date)
    {
        var (era, year) = Resolve(date);
        return (era.Name, year);
    }

    private static (Era Era, int Year) Resolve(DateOnly date)
    {
        foreach (var era in Eras)
        {
            if (date >= era.Start)
            {
                return (era, date.Year - era.Start.Year + 1);
            }
        }

        throw new ArgumentOutOfRangeException(
            nameof(date),
            date,
            "和暦 is only defined from 明治 (1868-01-25); earlier dates have no era in this table.");
    }

    private sealed record Era(string Name, char Letter, DateOnly Start);
}
