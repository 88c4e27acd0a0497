namespace Urakata.Platform.Kernel;

/// <summary>
/// The 国民の祝日 of one year (祝日法2条 as amended over time, plus the special laws for one-off days),
/// before 振替休日 and 国民の休日 are derived from them.
/// </summary>
internal static class NationalHolidayRules
{
    // Each of these was declared by its own law; the 2019 ones are deemed 国民の祝日 for 3条
    // (天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律 2条), which is what made
    // 2019-04-30 and 2019-05-02 国民の休日. The others never touched a neighbouring 祝日.
    private static readonly Holiday[] OneOffDays =
    [
        National(1959, 4, 10, "皇太子明仁親王の結婚の儀", "Wedding of Crown Prince Akihito"),
        National(1989, 2, 24, "昭和天皇の大喪の礼", "Funeral of Emperor Showa"),
        National(1990, 11, 12, "即位礼正殿の儀", "Enthronement Ceremony"),
        National(1993, 6, 9, "皇太子徳仁親王の結婚の儀", "Wedding of Crown Prince Naruhito"),
        National(2019, 5, 1, "天皇の即位の日", "Accession of the Emperor"),
        National(2019, 10, 22, "即位礼正殿の儀", "Enthronement Ceremony"),
    ];

    public static List<Holiday> ForYear(int year)
    {
        var days = new List<Holiday>
        {
            National(year, 1, 1, "元日", "New Year's Day"),
            ComingOfAgeDay(year),
            National(year, 3, VernalEquinoxDay(year), "春分の日", "Vernal Equinox Day"),
            April29(year),
            National(year, 5, 3, "憲法記念日", "Constitution Memorial Day"),
            National(year, 5, 5, "こどもの日", "Children's Day"),
            National(year, 9, AutumnalEquinoxDay(year), "秋分の日", "Autumnal Equinox Day"),
            National(year, 11, 3, "文化の日", "Culture Day"),
            National(year, 11, 23, "勤労感謝の日", "Labour Thanksgiving Day"),
        };

        // 建国記念の日, 敬老の日 and 体育の日 were added by the 1966 amendment; 建国記念の日 first applied in 1967.
        if (year >= 1967)
        {
            days.Add(National(year, 2, 11, "建国記念の日", "National Foundation Day"));
        }

        if (year >= 2007)
        {
            days.Add(National(year, 5, 4, "みどりの日", "Greenery Day"));
        }

        AddIfAny(days, EmperorsBirthday(year));
        AddIfAny(days, MarineDay(year));
        AddIfAny(days, MountainDay(year));
        AddIfAny(days, RespectForTheAgedDay(year));
        AddIfAny(days, SportsDay(year));
        days.AddRange(OneOffDays.Where(h => h.Date.Year == year));
        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return days;
    }

    // 国立天文台's approximation (reference §7.3); the 1900–1979 variant counts leap years from 1983.
    // The leap-year term truncates towards zero: for years before 1983 a true floor would step a year
    // early and miss 1970, 1972–1974 and 1976 by a day (checked against holiday_jp's 1970–1979 data).
    internal static int VernalEquinoxDay(int year) =>
        year < 1980 ? EquinoxDay(20.8357m, year, 1983) : EquinoxDay(20.8431m, year, 1980);

    internal static int AutumnalEquinoxDay(int year) =>
        year < 1980 ? EquinoxDay(23.2588m, year, 1983) : EquinoxDay(23.2488m, year, 1980);

    private static int EquinoxDay(decimal baseDay, int year, int leapYearBase) =>
        (int)decimal.Floor(
            baseDay + (0.242194m * (year - 1980)) - ((year - leapYearBase) / 4));

    // ハッピーマンデー制度 (1998 amendment from 2000, 2001 amendment from 2003) moved these to Mondays.
    private static Holiday ComingOfAgeDay(int year) => year <= 1999
        ? National(year, 1, 15, "成人の日", "Coming of Age Day")
        : NthMonday(year, 1, 2, "成人の日", "Coming of Age Day");

    private static Holiday April29(int year) => year switch
    {
        <= 1988 => National(year, 4, 29, "天皇誕生日", "Emperor's Birthday"),
        <= 2006 => National(year, 4, 29, "みどりの日", "Greenery Day"),
        _ => National(year, 4, 29, "昭和の日", "Showa Day"),
    };

    private static Holiday? EmperorsBirthday(int year) => year switch
    {
        <= 1988 => null, // still on April 29, see April29
        <= 2018 => National(year, 12, 23, "天皇誕生日", "Emperor's Birthday"),
        2019 => null, // on Feb 23 Naruhito was not yet Emperor, by Dec 23 Akihito no longer was
        _ => National(year, 2, 23, "天皇誕生日", "Emperor's Birthday"),
    };

    // 2020 and 2021 moves: 東京オリンピック・パラリンピック特別措置法 (2018 amendment for 2020, 2020 amendment for 2021).
    private static Holiday? MarineDay(int year) => year switch
    {
        < 1996 => null,
        <= 2002 => National(year, 7, 20, "海の日", "Marine Day"),
        2020 => National(year, 7, 23, "海の日", "Marine Day"),
        2021 => National(year, 7, 22, "海の日", "Marine Day"),
        _ => NthMonday(year, 7, 3, "海の日", "Marine Day"),
    };

    private static Holiday? MountainDay(int year) => year switch
    {
        < 2016 => null,
        2020 => National(year, 8, 10, "山の日", "Mountain Day"),
        2021 => National(year, 8, 8, "山の日", "Mountain Day"),
        _ => National(year, 8, 11, "山の日", "Mountain Day"),
    };

    private static Holiday? RespectForTheAgedDay(int year) => year switch
    {
        < 1966 => null,
        <= 2002 => National(year, 9, 15, "敬老の日", "Respect for the Aged Day"),
        _ => NthMonday(year, 9, 3, "敬老の日", "Respect for the Aged Day"),
    };

    // Renamed 体育の日 → スポーツの日 from 2020 (2018 amendment).
    private static Holiday? SportsDay(int year) => year switch
    {
        < 1966 => null,
        <= 1999 => National(year, 10, 10, "体育の日", "Health and Sports Day"),
        <= 2019 => NthMonday(year, 10, 2, "体育の日", "Health and Sports Day"),
        2020 => National(year, 7, 24, "スポーツの日", "Sports Day"),
        2021 => National(year, 7, 23, "スポーツの日", "Sports Day"),
        _ => NthMonday(year, 10, 2, "スポーツの日", "Sports Day"),
    };

    private static Holiday NthMonday(int year, int month, int nth, string nameJa, string nameEn)
    {
        var first = new DateOnly(year, month, 1);
        var firstMonday = 1 + ((DayOfWeek.Monday - first.DayOfWeek + 7) % 7);
        return National(year, month, firstMonday + (7 * (nth - 1)), nameJa, nameEn);
    }

    private static Holiday National(int year, int month, int day, string nameJa, string nameEn) =>
        new(new DateOnly(year, month, day), nameJa, nameEn, HolidayKind.National);

    private static void AddIfAny(List<Holiday> days, Holiday? holiday)
    {
        if (holiday is not null)
        {
            days.Add(holiday);
        }
    }
}
