using System.Globalization;
using System.Text.Json.Nodes;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Kinds;

namespace Urakata.People.Attendance;

/// <summary>
/// 打刻修正申請 (<c>people.attendance.correction</c>, AT) through the approval engine: the work date, the corrected 出勤 and
/// 退勤 (退勤 on the next day for a night shift), breaks (one in its own fields, more in a table since form version 2), and the reason. Checked when filed and again on the
/// final approval (<see cref="AttendanceCorrectionHandler"/>); the route is the reporting line until the company sets its own.
/// </summary>
public static class AttendanceCorrections
{
    public const string Kind = "people.attendance.correction";

    public static RequestKindDefinition Definition { get; } = new(Kind, "打刻修正申請", "Clock correction", "AT",
        [new FormDefinition(DayFields), new FormDefinition([.. DayFields.SkipLast(1), MoreBreaksField, DayFields[^1]])],
        BuiltInKinds.StandardRoute, typeof(AttendanceCorrectionHandler), "打刻の漏れ・誤りを直すときの申請(承認後に勤務表へ反映)");

    /// <summary>Version 1 of the form (one break); version 2 adds <see cref="Fields.MoreBreaks"/> before the reason.</summary>
    private static FormField[] DayFields =>
    [
        new FormField(Fields.WorkDate, "勤務日", FieldType.Date, Required: true, LabelEn: "Work date"),
        new FormField(Fields.ClockIn, "出勤時刻", FieldType.Text, Required: true, LabelEn: "Clock-in", MaxLength: 5, Help: "9:00"),
        new FormField(Fields.ClockOut, "退勤時刻", FieldType.Text, Required: true, LabelEn: "Clock-out", MaxLength: 5, Help: "18:00"),
        new FormField(Fields.NextDay, "退勤は翌日", FieldType.Checkbox, LabelEn: "Clock-out on the next day"),
        new FormField(Fields.BreakStart, "休憩開始", FieldType.Text, LabelEn: "Break start", MaxLength: 5, Help: "12:00"),
        new FormField(Fields.BreakEnd, "休憩終了", FieldType.Text, LabelEn: "Break end", MaxLength: 5, Help: "13:00"),
        new FormField(Fields.Reason, "修正の理由", FieldType.LongText, Required: true, LabelEn: "Reason", MaxLength: 500),
    ];

    /// <summary>Breaks beyond the first (a split shift, an evening break before overtime): rows of start and end.</summary>
    private static FormField MoreBreaksField => new(Fields.MoreBreaks, "その他の休憩", FieldType.Table, LabelEn: "Other breaks",
        Columns:
        [
            new FormField(Fields.Start, "開始", FieldType.Text, Required: true, LabelEn: "Start", MaxLength: 5, Help: "18:00"),
            new FormField(Fields.End, "終了", FieldType.Text, Required: true, LabelEn: "End", MaxLength: 5, Help: "18:30"),
        ]);

    public static class Fields
    {
        public const string WorkDate = "work_date";
        public const string ClockIn = "clock_in";
        public const string ClockOut = "clock_out";
        public const string NextDay = "next_day";
        public const string BreakStart = "break_start";
        public const string BreakEnd = "break_end";
        public const string Reason = "reason";
        public const string MoreBreaks = "more_breaks";
        /// <summary>Columns of <see cref="MoreBreaks"/>.</summary>
        public const string Start = "start";
        public const string End = "end";
    }

    /// <summary>The corrected day a request asks for: its date and spans in UTC. A break time before the clock-in is on the next day.</summary>
    internal sealed record CorrectedDay(DateOnly Date, IReadOnlyList<(SpanKind Kind, DateTime StartUtc, DateTime EndUtc)> Spans, string Reason);

    internal static CorrectedDay Read(JsonObject values)
    {
        var errors = new Dictionary<string, string[]>();
        TimeOnly? Time(JsonNode? node, string key, bool required)
        {
            var text = node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? JapaneseText.Narrow(s) : null;
            if (text is not null && TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                return t;
            }

            if (text is not null || required)
            {
                errors[key] = [PeopleMessages.CorrectionTimeInvalid];
            }

            return null;
        }

        var date = DateOnly.ParseExact(values[Fields.WorkDate] is JsonValue d && d.TryGetValue<string>(out var ds) ? ds : "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var clockIn = Time(values[Fields.ClockIn], Fields.ClockIn, required: true);
        var clockOut = Time(values[Fields.ClockOut], Fields.ClockOut, required: true);
        // Every break as (start, end, the field keys its errors go under): the first from its own fields, the others from the table.
        var breaks = new List<(TimeOnly? Start, TimeOnly? End, string StartKey, string EndKey)>
        {
            (Time(values[Fields.BreakStart], Fields.BreakStart, required: false), Time(values[Fields.BreakEnd], Fields.BreakEnd, required: false),
                Fields.BreakStart, Fields.BreakEnd),
        };
        var rows = values[Fields.MoreBreaks] as JsonArray ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            var (startKey, endKey) = ($"{Fields.MoreBreaks}[{i + 1}].{Fields.Start}", $"{Fields.MoreBreaks}[{i + 1}].{Fields.End}");
            breaks.Add((Time(rows[i]?[Fields.Start], startKey, required: true), Time(rows[i]?[Fields.End], endKey, required: true), startKey, endKey));
        }

        foreach (var (start, end, startKey, endKey) in breaks.Where(b => (b.Start is null) != (b.End is null)))
        {
            if (!errors.ContainsKey(startKey) && !errors.ContainsKey(endKey))
            {
                errors[start is null ? startKey : endKey] = [PeopleMessages.CorrectionBreakIncomplete];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var nextDay = values[Fields.NextDay] is JsonValue n && n.TryGetValue<bool>(out var b) && b;
        DateTime Utc(TimeOnly t, bool next) =>
            TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind((next ? date.AddDays(1) : date).ToDateTime(t), DateTimeKind.Unspecified), JapanTime.Zone);
        var spans = new List<(SpanKind, DateTime, DateTime)> { (SpanKind.Work, Utc(clockIn!.Value, false), Utc(clockOut!.Value, nextDay)) };
        foreach (var (start, end, _, endKey) in breaks)
        {
            if (start is not { } bs || end is not { } be)
            {
                continue;
            }

            // A break time before the clock-in is on the next day (a night shift's break after midnight).
            var (from, to) = (Utc(bs, bs < clockIn.Value), Utc(be, be < clockIn.Value));
            if (to <= from)
            {
                errors[endKey] = [PeopleMessages.Format(PeopleMessages.ClockEndBeforeStart, bs.ToString("HH:mm", CultureInfo.InvariantCulture), be.ToString("HH:mm", CultureInfo.InvariantCulture))];
                continue;
            }

            spans.Add((SpanKind.Break, from, to));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var reason = values[Fields.Reason] is JsonValue r && r.TryGetValue<string>(out var rs) ? rs.Trim() : "";
        return new CorrectedDay(date, spans, reason);
    }

    /// <summary>A refusal of the day's rules (<see cref="DailyClassifier"/>) under the form field it is about.</summary>
    internal static ValidationException AsFieldError(DomainException ex) => ex as ValidationException ?? new ValidationException(new Dictionary<string, string[]>
    {
        [ex.Field switch { "start" => Fields.ClockIn, "breaks" => Fields.BreakStart, "month" => Fields.WorkDate, _ => Fields.ClockOut }] = [ex.Message],
    });
}
