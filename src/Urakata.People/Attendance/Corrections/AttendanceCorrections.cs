using System.Globalization;
using System.Text.Json.Nodes;
using Urakata.Platform.Domain;
using Urakata.Platform.Kernel;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Kinds;

namespace Urakata.People.Attendance;

/// <summary>
/// 打刻修正申請 (<c>people.attendance.correction</c>, AT) through the approval engine: the work date, the corrected 出勤 and
/// 退勤 (退勤 on the next day for a night shift), one optional break, and the reason. Checked when filed and again on the
/// final approval (<see cref="AttendanceCorrectionHandler"/>); the route is the reporting line until the company sets its own.
/// </summary>
public static class AttendanceCorrections
{
    public const string Kind = "people.attendance.correction";

    public static RequestKindDefinition Definition { get; } = new(Kind, "打刻修正申請", "Clock correction", "AT",
        [new FormDefinition(
        [
            new FormField(Fields.WorkDate, "勤務日", FieldType.Date, Required: true, LabelEn: "Work date"),
            new FormField(Fields.ClockIn, "出勤時刻", FieldType.Text, Required: true, LabelEn: "Clock-in", MaxLength: 5, Help: "9:00"),
            new FormField(Fields.ClockOut, "退勤時刻", FieldType.Text, Required: true, LabelEn: "Clock-out", MaxLength: 5, Help: "18:00"),
            new FormField(Fields.NextDay, "退勤は翌日", FieldType.Checkbox, LabelEn: "Clock-out on the next day"),
            new FormField(Fields.BreakStart, "休憩開始", FieldType.Text, LabelEn: "Break start", MaxLength: 5, Help: "12:00"),
            new FormField(Fields.BreakEnd, "休憩終了", FieldType.Text, LabelEn: "Break end", MaxLength: 5, Help: "13:00"),
            new FormField(Fields.Reason, "修正の理由", FieldType.LongText, Required: true, LabelEn: "Reason", MaxLength: 500),
        ])],
        BuiltInKinds.StandardRoute, typeof(AttendanceCorrectionHandler), "打刻の漏れ・誤りを直すときの申請(承認後に勤務表へ反映)");

    public static class Fields
    {
        public const string WorkDate = "work_date";
        public const string ClockIn = "clock_in";
        public const string ClockOut = "clock_out";
        public const string NextDay = "next_day";
        public const string BreakStart = "break_start";
        public const string BreakEnd = "break_end";
        public const string Reason = "reason";
    }

    /// <summary>The corrected day a request asks for: its date and spans in UTC. A break time before the clock-in is on the next day.</summary>
    internal sealed record CorrectedDay(DateOnly Date, IReadOnlyList<(SpanKind Kind, DateTime StartUtc, DateTime EndUtc)> Spans, string Reason);

    internal static CorrectedDay Read(JsonObject values)
    {
        string? Text(string key) => values[key] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? JapaneseText.Narrow(s) : null;
        var errors = new Dictionary<string, string[]>();
        TimeOnly? Time(string key, bool required)
        {
            var text = Text(key);
            if (text is null)
            {
                if (required)
                {
                    errors[key] = [PeopleMessages.CorrectionTimeInvalid];
                }

                return null;
            }

            if (TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                return t;
            }

            errors[key] = [PeopleMessages.CorrectionTimeInvalid];
            return null;
        }

        var date = DateOnly.ParseExact(Text(Fields.WorkDate) ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var clockIn = Time(Fields.ClockIn, required: true);
        var clockOut = Time(Fields.ClockOut, required: true);
        var breakStart = Time(Fields.BreakStart, required: false);
        var breakEnd = Time(Fields.BreakEnd, required: false);
        if ((breakStart is null) != (breakEnd is null) && !errors.ContainsKey(Fields.BreakStart) && !errors.ContainsKey(Fields.BreakEnd))
        {
            errors[breakStart is null ? Fields.BreakStart : Fields.BreakEnd] = [PeopleMessages.CorrectionBreakIncomplete];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var nextDay = values[Fields.NextDay] is JsonValue n && n.TryGetValue<bool>(out var b) && b;
        DateTime Utc(TimeOnly t, bool next) =>
            TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind((next ? date.AddDays(1) : date).ToDateTime(t), DateTimeKind.Unspecified), JapanTime.Zone);
        var spans = new List<(SpanKind, DateTime, DateTime)> { (SpanKind.Work, Utc(clockIn!.Value, false), Utc(clockOut!.Value, nextDay)) };
        if (breakStart is { } bs && breakEnd is { } be)
        {
            var startNext = bs < clockIn.Value;
            var endNext = be < clockIn.Value;
            if (Utc(be, endNext) <= Utc(bs, startNext))
            {
                throw new ValidationException(new Dictionary<string, string[]>
                {
                    [Fields.BreakEnd] = [PeopleMessages.Format(PeopleMessages.ClockEndBeforeStart, bs.ToString("HH:mm", CultureInfo.InvariantCulture), be.ToString("HH:mm", CultureInfo.InvariantCulture))],
                });
            }

            spans.Add((SpanKind.Break, Utc(bs, startNext), Utc(be, endNext)));
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
