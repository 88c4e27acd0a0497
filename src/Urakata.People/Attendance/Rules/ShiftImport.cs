using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Urakata.People.Employees;
using Urakata.People.Import;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;
using Urakata.Platform.Tabular;

namespace Urakata.People.Attendance;

/// <summary>What a シフト import did: how many dates were stored, or every error and nothing stored.</summary>
public sealed record ShiftImportResult(int Imported, IReadOnlyList<RowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// シフトのインポート (docs/user-guide): one row per employee and date — 社員番号, 日付, 区分 (勤務 / 休日 / 法定休日), 始業, 終業,
/// 休憩 (minutes) — in UTF-8 (with or without BOM) or Shift_JIS, columns in any order, named in Japanese or English. All or
/// nothing: every row is read and every employee-month checked as <see cref="ShiftCalendar.SetAsync"/> checks it (rule is
/// 変形, month open, the period within the cap) before anything is stored; errors name the row and the column.
/// </summary>
public sealed class ShiftImport(UrakataDbContext db, EmployeeAccess access, ShiftCalendar calendar)
{
    private static readonly ImportColumn Number = new(0, "社員番号", "number", true, () => PeopleMessages.CsvColumnNumber);
    private static readonly ImportColumn Date = new(1, "日付", "date", true, () => PeopleMessages.ShiftCsvDate);
    private static readonly ImportColumn Kind = new(2, "区分", "kind", true, () => PeopleMessages.ShiftCsvKind);
    private static readonly ImportColumn Start = new(3, "始業", "start", false, () => PeopleMessages.ShiftCsvStart);
    private static readonly ImportColumn End = new(4, "終業", "end", false, () => PeopleMessages.ShiftCsvEnd);
    private static readonly ImportColumn Break = new(5, "休憩", "break_minutes", false, () => PeopleMessages.ShiftCsvBreak);
    private static readonly ImportColumn[] Columns = [Number, Date, Kind, Start, End, Break];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy/M/d"];

    public static IReadOnlyList<string> Headers { get; } = [.. Columns.Select(c => c.Japanese)];

    private sealed record Row(int Number, Employee Employee, ShiftInput Shift);

    public async Task<ShiftImportResult> ImportAsync(Stream file, CancellationToken ct = default)
    {
        var reachable = await (await access.ReachableAsync(PeoplePermissions.AttendanceRules, ct)).AsNoTracking().ToDictionaryAsync(e => e.Number, StringComparer.Ordinal, ct);
        var errors = new List<RowError>();
        var rows = ImportColumns.ReadRows(file, Columns, errors, (record, map) => Read(record, map, reachable, errors)).Select(r => r.Item).ToList();

        foreach (var twice in rows.GroupBy(r => (r.Employee.Id, r.Shift.Date)).Where(g => g.Count() > 1))
        {
            errors.Add(new RowError(twice.ElementAt(1).Number, Date.Label(), PeopleMessages.Format(PeopleMessages.ShiftDateTwice, PeopleMessages.Date(twice.Key.Date))));
        }

        var months = rows.GroupBy(r => (r.Employee.Id, new DateOnly(r.Shift.Date.Year, r.Shift.Date.Month, 1))).ToList();
        if (errors.Count == 0)
        {
            foreach (var month in months)
            {
                try
                {
                    await calendar.CheckAsync(month.First().Employee, month.Key.Item2, [.. month.Select(r => r.Shift)], ct);
                }
                catch (DomainException ex)
                {
                    errors.Add(new RowError(month.First().Number, ex.Field == "employee" ? Number.Label() : Date.Label(), ex.Message));
                }
            }
        }

        if (errors.Count > 0)
        {
            return new ShiftImportResult(0, [.. errors.OrderBy(e => e.Row)]);
        }

        foreach (var month in months)
        {
            await calendar.StoreAsync(month.Key.Id, [.. month.Select(r => r.Shift)], ct);
        }

        await db.SaveChangesAsync(ct);
        return new ShiftImportResult(rows.Count, []);
    }

    private static Row? Read(CsvRecord record, int[] map, Dictionary<string, Employee> employees, List<RowError> errors)
    {
        var before = errors.Count;
        string Field(ImportColumn c) => map[c.Ordinal] < 0 ? "" : JapaneseText.Narrow(record[map[c.Ordinal]]).Trim();
        void Error(ImportColumn c, string message) => errors.Add(new RowError(record.Row, c.Label(), message));
        TimeOnly? Time(ImportColumn c)
        {
            var text = Field(c);
            if (text.Length == 0)
            {
                return null;
            }

            if (TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                return t;
            }

            Error(c, PeopleMessages.Format(PeopleMessages.ImportTimeInvalid, text));
            return null;
        }

        var number = Field(Number);
        if (!employees.TryGetValue(number, out var employee))
        {
            Error(Number, number.Length == 0 ? PeopleMessages.ImportValueRequired : PeopleMessages.Format(PeopleMessages.EmployeeNumberUnknown, number));
        }

        DateOnly date = default;
        var dateText = Field(Date);
        if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            Error(Date, dateText.Length == 0 ? PeopleMessages.ImportValueRequired : PeopleMessages.Format(PeopleMessages.ImportDateInvalid, dateText));
        }

        var kindText = Field(Kind);
        ShiftKind? kind = kindText switch
        {
            "勤務" or "出勤" or "work" or "Work" => ShiftKind.Work,
            "休日" or "所定休日" or "rest" or "RestDay" => ShiftKind.RestDay,
            "法定休日" or "statutory_rest" or "StatutoryRestDay" => ShiftKind.StatutoryRestDay,
            _ => null,
        };
        if (kind is null)
        {
            Error(Kind, kindText.Length == 0 ? PeopleMessages.ImportValueRequired : PeopleMessages.Format(PeopleMessages.ShiftKindUnknown, kindText));
        }

        var (start, end) = (Time(Start), Time(End));
        var breakText = Field(Break);
        var breakMinutes = 0;
        if (breakText.Length > 0 && !int.TryParse(breakText, NumberStyles.None, CultureInfo.InvariantCulture, out breakMinutes))
        {
            Error(Break, PeopleMessages.Format(PeopleMessages.ImportNumberInvalid, breakText));
        }

        if (errors.Count > before)
        {
            return null;
        }

        try
        {
            _ = new ShiftDay(employee!.Id, date, kind!.Value, start, end, breakMinutes);
        }
        catch (DomainException ex)
        {
            Error(start is null ? Start : End, ex.Message);
            return null;
        }

        return new Row(record.Row, employee, new ShiftInput(date, kind.Value, start, end, breakMinutes));
    }
}
