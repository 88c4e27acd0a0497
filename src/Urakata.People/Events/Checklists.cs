using Urakata.Platform.Security;

namespace Urakata.People.Events;

/// <summary>
/// The checklist a company starts with, per kind of event. Deadlines are the ones commonly stated for the filings
/// (健康保険・厚生年金 資格取得届/喪失届 within 5 days, 雇用保険 資格取得届 by the 10th of the next month, 資格喪失届 within
/// 10 days, 源泉徴収票 within a month of leaving — 所得税法226条); they are not in the team's reference as confirmed facts,
/// which is why they are rows the company edits (<see cref="ChecklistItem"/>), not constants. A task for account work goes
/// to a role holding <see cref="PlatformPermissions.UsersManage"/>; the rest to 人事 (no role).
/// </summary>
public static class Checklists
{
    /// <summary>A default line: title, whether it is account work (システム管理), offset days, day of next month.</summary>
    public sealed record Line(string Title, bool AccountWork, int OffsetDays, int? DayOfNextMonth = null);

    public static IReadOnlyDictionary<EmployeeEventKind, IReadOnlyList<Line>> Defaults { get; } = new Dictionary<EmployeeEventKind, IReadOnlyList<Line>>
    {
        [EmployeeEventKind.Hire] =
        [
            new("労働条件通知書・雇用契約書の交付", false, -7),
            new("ユーザーアカウントの発行と権限の設定", true, -3),
            new("備品(PC・入館証など)の準備", false, -3),
            new("マイナンバー・扶養控除等申告書・給与振込口座の回収", false, 7),
            new("健康保険・厚生年金保険 被保険者資格取得届の提出", false, 5),
            new("雇用保険 被保険者資格取得届の提出", false, 0, 10),
        ],
        [EmployeeEventKind.Transfer] =
        [
            new("アクセス権限・承認ルートの見直し", true, 0),
            new("通勤手当・住所の確認", false, 7),
        ],
        [EmployeeEventKind.Promotion] =
        [
            new("給与(役職手当など)の改定", false, 0),
            new("承認権限の見直し", true, 0),
        ],
        [EmployeeEventKind.LeaveOfAbsence] =
        [
            new("休職辞令・休職中の連絡方法の通知", false, 0),
            new("社会保険料の徴収方法の連絡", false, 7),
        ],
        [EmployeeEventKind.Reinstatement] =
        [
            new("復職面談と勤務条件の確認", false, 0),
        ],
        [EmployeeEventKind.Retirement] =
        [
            new("退職届の受理と最終出勤日の確認", false, -14),
            new("貸与品(PC・入館証・健康保険証など)の回収", false, 0),
            new("ユーザーアカウントの停止", true, 1),
            new("健康保険・厚生年金保険 被保険者資格喪失届の提出", false, 6),
            new("雇用保険 被保険者資格喪失届・離職証明書の提出", false, 11),
            new("源泉徴収票の交付", false, 31),
        ],
    };
}
