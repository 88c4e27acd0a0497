using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Urakata.Platform.Kernel;

/// <summary>
/// Japanese national holidays computed by rule, 1949 (the first full year of 祝日法) to 2099 (the end
/// of the equinox approximation). The equinoxes are the NAOJ approximation: the official dates are
/// published every February for the next year, so a mismatch there means a rule table needs a row.
/// </summary>
public static class JapaneseHolidays
{
    public const int MinYear = 1949;
    public const int MaxYear = 2099;

    // 祝日法3条2項 (振替休日) came into force on 1973-04-12; 3条3項 (国民の休日) on 1985-12-27.
    private static readonly DateOnly SubstituteSince = new(1973, 4, 12);
    private static readonly DateOnly BridgeSince = new(1985, 12, 27);

    // The 2005 amendment (in force 2007-01-01) moved a substitute past further 祝日 and let any
    // non-祝日 day, not only a non-Sunday, become a 国民の休日.
    private static readonly DateOnly Amendment2007 = new(2007, 1, 1);

    private static readonly ConcurrentDictionary<int, YearTable> Cache = new();

    public static IReadOnlyList<Holiday> ForYear(int year) => Table(year, nameof(year)).Holidays;

    public static bool IsHoliday(DateOnly date) => Find(date) is not null;

    public static Holiday? Find(DateOnly date) =>
        Table(date.Year, nameof(date)).ByDate.GetValueOrDefault(date);

    private static YearTable Table(int year, string parameterName)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                year,
                $"Japanese national holidays are only computed for {MinYear}–{MaxYear}; year {year} is outside that range.");
        }

        return Cache.GetOrAdd(year, static y => YearTable.Build(y));
    }

    private sealed class YearTable
    {
        private YearTable(Holiday[] holidays)
        {
            Holidays = holidays.AsReadOnly();
            ByDate = holidays.ToFrozenDictionary(h => h.Date);
        }

        public IReadOnlyList<Holiday> Holidays { get; }

        public FrozenDictionary<DateOnly, Holiday> ByDate { get; }

        public static YearTable Build(int year)
        {
            var national = NationalHolidayRules.ForYear(year);
            var nationalDates = national.Select(h => h.Date).ToHashSet();
            var all = new Dictionary<DateOnly, Holiday>();
            foreach (var holiday in national)
            {
                all.Add(holiday.Date, holiday);
            }

            foreach (var holiday in national)
            {
                if (SubstituteFor(holiday.Date, nationalDates) is { } substitute && substitute.Year == year)
                {
                    all.TryAdd(substitute, new Holiday(substitute, "振替休日", "Substitute Holiday", HolidayKind.Substitute));
                }
            }

            // 3条3項 looks at 国民の祝日 only: a 振替休日 next to a day never makes that day a 国民の休日.
            foreach (var holiday in national)
            {
                var between = holiday.Date.AddDays(1);
                if (between.Year == year
                    && nationalDates.Contains(between.AddDays(1))
                    && IsBridge(between, all))
                {
                    all.Add(between, new Holiday(between, "国民の休日", "Citizens' Holiday", HolidayKind.Bridge));
                }
            }

            return new YearTable([.. all.Values.OrderBy(h => h.Date)]);
        }

        private static DateOnly? SubstituteFor(DateOnly date, HashSet<DateOnly> nationalDates)
        {
            if (date.DayOfWeek != DayOfWeek.Sunday || date < SubstituteSince)
            {
                return null;
            }

            var next = date.AddDays(1);
            if (date < Amendment2007)
            {
                // Until 2006 the substitute was "the next day" only; if that was itself a 祝日, none.
                return nationalDates.Contains(next) ? null : next;
            }

            while (nationalDates.Contains(next))
            {
                next = next.AddDays(1);
            }

            return next;
        }

        private static bool IsBridge(DateOnly date, Dictionary<DateOnly, Holiday> holidaysSoFar)
        {
            if (date < BridgeSince || holidaysSoFar.ContainsKey(date))
            {
                return false;
            }

            // Until 2006 the law excluded Sundays (and days already a 振替休日) from 国民の休日.
            return date >= Amendment2007 || date.DayOfWeek != DayOfWeek.Sunday;
        }
    }
}
