using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Urakata.People.Employees;
using Urakata.Platform.Modules;
using Urakata.Platform.Security;
using Urakata.Workflow.Forms;
using Urakata.Workflow.Kinds;

namespace Urakata.People;

/// <summary>
/// 人事: the employee master (社員台帳) with pay accounts, dependants and the マイナンバー vault, its list, export and CSV
/// import; attendance (<c>Attendance/</c>); leave (<c>Leave/</c>): types, grants by a daily job, 休暇申請 through the
/// approval engine, 年5日 reminders and the 年次有給休暇管理簿.
/// </summary>
public sealed class PeopleModule : IUrakataModule
{
    public string Name => "people";

    public IEnumerable<PermissionDefinition> Permissions =>
    [
        new(PeoplePermissions.EmployeesRead, "社員台帳の閲覧", "Read the employee master", "people"),
        new(PeoplePermissions.EmployeesManage, "社員台帳の登録・変更・インポート", "Add, change and import employees", "people"),
        new(PeoplePermissions.MyNumberView, "マイナンバーの登録・閲覧(理由を記録)", "Store and view My Numbers (each view logged with its reason)", "people", Sensitive: true),
        new(PeoplePermissions.PayAccountManage, "給与振込口座の閲覧・変更", "View and change employees' pay bank accounts", "people", Sensitive: true),
        new(PeoplePermissions.AttendanceRead, "他の社員の勤務表・部署別勤怠の閲覧", "Read other employees' timesheets and department attendance", "people"),
        new(PeoplePermissions.AttendanceKiosk, "打刻端末(社員番号で打刻)", "Clock terminal (clock by employee number)", "people"),
        new(PeoplePermissions.AttendanceRules, "勤務形態・シフト・36協定の設定", "Set work rules, shifts and the overtime agreement (36協定)", "people"),
        new(PeoplePermissions.AttendanceClose, "勤怠締め・締め解除(部署・全社)", "Close and reopen attendance months (by department or company)", "people"),
        new(PeoplePermissions.LeaveRead, "他の社員の有給残・年次有給休暇管理簿の閲覧", "Read other employees' leave balances and leave registers", "people"),
        new(PeoplePermissions.LeaveManage, "休暇の種類・付与・設定・計画的付与・時季指定・取消の管理(年5日の通知を受ける)", "Manage leave types, grants, settings, planned and designated leave and cancellations (receives 5-day reminders)", "people"),
    ];

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("people", "Menu.People.Employees", "people/employees", MudBlazor.Icons.Material.Filled.Badge, PeoplePermissions.EmployeesRead, Order: 30),
        new("people", "Menu.People.Import", "people/import", MudBlazor.Icons.Material.Filled.UploadFile, PeoplePermissions.EmployeesManage, Order: 31),
        new("people", "Menu.People.Me", "people/me", MudBlazor.Icons.Material.Filled.Person, Order: 32),
        new("people", "Menu.People.Attendance", "people/attendance", MudBlazor.Icons.Material.Filled.AccessTime, Order: 33),
        new("people", "Menu.People.AttendanceList", "people/attendance/list", MudBlazor.Icons.Material.Filled.TableChart, PeoplePermissions.AttendanceRead, Order: 34),
        new("people", "Menu.People.Agreement", "people/attendance/agreement", MudBlazor.Icons.Material.Filled.Gavel, PeoplePermissions.AttendanceRead, Order: 34),
        new("people", "Menu.People.WorkRules", "people/attendance/rules", MudBlazor.Icons.Material.Filled.Rule, PeoplePermissions.AttendanceRules, Order: 34),
        new("people", "Menu.People.Shifts", "people/attendance/shifts", MudBlazor.Icons.Material.Filled.CalendarMonth, PeoplePermissions.AttendanceRules, Order: 34),
        new("people", "Menu.People.Leave", "people/leave", MudBlazor.Icons.Material.Filled.BeachAccess, Order: 35),
        new("people", "Menu.People.LeaveManage", "people/leave/manage", MudBlazor.Icons.Material.Filled.EventAvailable, PeoplePermissions.LeaveRead, Order: 36),
        new("people", "Menu.People.LeaveTypes", "people/leave/types", MudBlazor.Icons.Material.Filled.Category, PeoplePermissions.LeaveManage, Order: 37),
        new("people", "Menu.People.LeavePlanned", "people/leave/planned", MudBlazor.Icons.Material.Filled.EventNote, PeoplePermissions.LeaveManage, Order: 37),
        new("people", "Menu.People.LeaveSettings", "people/leave/settings", MudBlazor.Icons.Material.Filled.Settings, PeoplePermissions.LeaveManage, Order: 37),
        new("people", "Menu.People.Tasks", "people/tasks", MudBlazor.Icons.Material.Filled.Checklist, Order: 38),
        new("people", "Menu.People.Checklists", "people/checklists", MudBlazor.Icons.Material.Filled.PlaylistAddCheck, PeoplePermissions.EmployeesManage, Order: 39),
    ];

    public IEnumerable<(string RoleKey, string Permission)> DemoGrants =>
    [
        ("hr", PeoplePermissions.EmployeesRead),
        ("hr", PeoplePermissions.EmployeesManage),
        ("hr", PeoplePermissions.MyNumberView),
        ("hr", PeoplePermissions.PayAccountManage),
        ("hr", PeoplePermissions.AttendanceRead),
        ("hr", PeoplePermissions.AttendanceClose),
        ("hr", PeoplePermissions.AttendanceRules),
        ("hr", PeoplePermissions.LeaveRead),
        ("hr", PeoplePermissions.LeaveManage),
    ];

    public IEnumerable<Type> HomeCards => [typeof(Components.ClockCard), typeof(Components.TasksCard)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<EmployeeAccess>().AddScoped<EmployeeDirectory>().AddScoped<MyNumberVault>().AddScoped<Import.EmployeeImport>().AddScoped<Attendance.AttendanceBook>()
            .AddScoped<Attendance.ILeaveCalendar, Leave.LeaveTakingsCalendar>()
            .AddScoped<Events.EmployeeEvents>()
            .AddScoped<Attendance.AttendanceMonthClose>().AddScoped<Attendance.Timesheets>().AddScoped<Attendance.OvertimeWatch>().AddScoped<Attendance.OvertimeYear>()
            .AddScoped<Attendance.WorkRules>().AddScoped<Attendance.ShiftCalendar>().AddScoped<Attendance.ShiftImport>()
            .AddScoped<Leave.LeaveBook>().AddScoped<Leave.Grants.LeaveGrants>().AddScoped<Leave.Grants.LeaveJob>().AddScoped<Leave.FiveDays.FiveDayAlerts>()
            .AddScoped<Leave.Register.LeaveRegister>().AddScoped<Leave.Cancel.LeaveCancelling>().AddScoped<Leave.Planned.PlannedLeave>()
            .AddFormOptionSource<Leave.Requests.LeaveTypeOptions>()
            .AddRequestKind(SelfService.ChangeRequests.Address).AddRequestKind(SelfService.ChangeRequests.PayAccount)
            .AddRequestKind(SelfService.ChangeRequests.Dependants)
            .AddRequestKind(Attendance.AttendanceCorrections.Definition).AddRequestKind(Leave.Requests.LeaveRequests.Definition)
            .AddRequestKind(Leave.Cancel.LeaveCancellations.Definition);

    public void AddJobs(IQuartzBuilder quartz)
    {
        quartz.AddJob<Events.EmployeeEventsJob>(j => j.WithIdentity(Events.EmployeeEventsJob.Key));
        // 00:10 Japan time: a 4月1日付 異動 is in the master and the org chart before anyone signs in on April 1.
        quartz.AddTrigger(t => t.ForJob(Events.EmployeeEventsJob.Key).WithIdentity("people.events.daily")
            .WithCronSchedule("0 10 0 * * ?", c => c.InTimeZone(Platform.Kernel.JapanTime.Zone)));
        quartz.AddJob<Leave.Grants.LeaveJob>(j => j.WithIdentity(Leave.Grants.LeaveJob.Key));
        // 05:00 Japan time, every day: grants dated today exist before anyone looks at a balance or files leave.
        quartz.AddTrigger(t => t.ForJob(Leave.Grants.LeaveJob.Key).WithIdentity("people.leave.early")
            .WithCronSchedule("0 0 5 * * ?", c => c.InTimeZone(Platform.Kernel.JapanTime.Zone)));
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        Api.PeopleApi.Map(api);
        Api.EmployeeEventsApi.Map(api);
        Api.WorkRulesApi.Map(api);
    }

    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => Demo.PeopleDemo.SeedAsync(services, ct);
}

public static class PeoplePermissions
{
    public const string EmployeesRead = "people.employees.read";
    public const string EmployeesManage = "people.employees.manage";
    public const string MyNumberView = "people.mynumber.view";
    /// <summary>The pay bank account of other employees (one's own is always visible on 自分の情報): a field-level right of its own.</summary>
    public const string PayAccountManage = "people.payaccount.manage";
    /// <summary>Other employees' 勤務表 and the department-month list (one's own needs only a sign-in).</summary>
    public const string AttendanceRead = "people.attendance.read";
    /// <summary>A clock terminal or IC-card reader clocking for any employee by 社員番号.</summary>
    public const string AttendanceKiosk = "people.attendance.kiosk";
    /// <summary>勤怠締め and its reopening, for the departments the grant's data scope reaches (company scope: the whole company).</summary>
    public const string AttendanceClose = "people.attendance.close";
    /// <summary>The company's 36協定 figures (限度時間, 特別条項, 起算月).</summary>
    public const string AttendanceRules = "people.attendance.rules";
    /// <summary>Other employees' paid-leave balances, the 有給管理 list and the 年次有給休暇管理簿 (one's own needs only a sign-in).</summary>
    public const string LeaveRead = "people.leave.read";
    /// <summary>Leave types, manual and opening-balance grants, the company's leave settings; holders get the 年5日 reminders.</summary>
    public const string LeaveManage = "people.leave.manage";
}
