using System.Text.Json;
using Urakata.Platform.Domain;

namespace Urakata.People.Attendance;

/// <summary>
/// An approved 打刻修正 (<c>hr_attendance_corrections</c>): the employee's date, the clock records before and after (JSON
/// text, Japan time), the request it came from and who approved it when. Written in the transaction of the final
/// approval, with the change of the spans; never changed afterwards.
/// </summary>
public sealed class AttendanceCorrection : CompanyEntity
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private AttendanceCorrection() { }

    internal AttendanceCorrection(Guid employeeId, DateOnly date, IEnumerable<AttendanceSpan> original, IEnumerable<AttendanceSpan> corrected,
        Guid requestId, string requestNumber, string reason, Guid? approvedBy, DateTime approvedAtUtc)
    {
        (EmployeeId, Date, RequestId, RequestNumber, Reason, ApprovedBy, ApprovedAt) = (employeeId, date, requestId, requestNumber, reason, approvedBy, approvedAtUtc);
        OriginalSpans = ToJson(original);
        CorrectedSpans = ToJson(corrected);
    }

    public Guid EmployeeId { get; private set; }
    public DateOnly Date { get; private set; }
    /// <summary>The spans before the correction: <c>[{"kind":"Work","start":"2026-11-02T09:00:00+09:00","end":…}]</c>.</summary>
    public string OriginalSpans { get; private set; } = "[]";
    public string CorrectedSpans { get; private set; } = "[]";
    public Guid RequestId { get; private set; }
    /// <summary>申請番号 (AT-2026-000001).</summary>
    public string RequestNumber { get; private set; } = "";
    public string Reason { get; private set; } = "";
    /// <summary>The user whose approval was final (a deputy acting for the approver is that deputy).</summary>
    public Guid? ApprovedBy { get; private set; }
    public DateTime ApprovedAt { get; private set; }

    internal static IReadOnlyList<StoredSpan> Read(string json) => JsonSerializer.Deserialize<List<StoredSpan>>(json, Json) ?? [];

    private static string ToJson(IEnumerable<AttendanceSpan> spans) => JsonSerializer.Serialize(
        spans.OrderBy(s => s.Kind).ThenBy(s => s.StartUtc)
            .Select(s => new StoredSpan(s.Kind, AttendanceBook.Offset(s.StartUtc), s.EndUtc is { } e ? AttendanceBook.Offset(e) : null)).ToList(), Json);

    internal sealed record StoredSpan(SpanKind Kind, DateTimeOffset Start, DateTimeOffset? End);
}

/// <summary>How the 勤務表 shows a corrected day: the times before and after, the request and who approved it.</summary>
public sealed record AttendanceCorrectionDto(string RequestNumber, Guid RequestId, string Reason,
    IReadOnlyList<SpanDto> OriginalWork, IReadOnlyList<SpanDto> OriginalBreaks, IReadOnlyList<SpanDto> CorrectedWork, IReadOnlyList<SpanDto> CorrectedBreaks,
    string? ApprovedByName, DateTimeOffset ApprovedAt)
{
    internal static AttendanceCorrectionDto From(AttendanceCorrection c, string? approvedByName)
    {
        var before = AttendanceCorrection.Read(c.OriginalSpans);
        var after = AttendanceCorrection.Read(c.CorrectedSpans);
        static List<SpanDto> Of(IEnumerable<AttendanceCorrection.StoredSpan> spans, SpanKind kind) =>
            [.. spans.Where(s => s.Kind == kind).Select(s => new SpanDto(s.Start, s.End))];
        return new AttendanceCorrectionDto(c.RequestNumber, c.RequestId, c.Reason, Of(before, SpanKind.Work), Of(before, SpanKind.Break),
            Of(after, SpanKind.Work), Of(after, SpanKind.Break), approvedByName, AttendanceBook.Offset(c.ApprovedAt));
    }
}
