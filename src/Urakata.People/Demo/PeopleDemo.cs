using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.People.Employees;
using Urakata.People.Leave;
using Urakata.People.Leave.Records;
using Urakata.Platform.Data;

namespace Urakata.People.Demo;

/// <summary>
/// The demo company's people in the 社員台帳: one employee per member with a post in the org chart, with that post's
/// department and position, plausible dates, a pay account and — for a few — dependants and a part-time schedule — their
/// last two 年次有給休暇 grants (full attendance assumed), so balances and the 年5日 list show something, and their clock
/// records (<see cref="AttendanceDemo"/>).
/// </summary>
internal static class PeopleDemo
{
    private static readonly string[] Banks = ["0001", "0005", "0009", "0010"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<UrakataDbContext>();
        var members = await (
            from m in db.Memberships.AsNoTracking()
            where m.EmployeeNumber != null
            join u in db.Users on m.UserId equals u.Id
            orderby m.EmployeeNumber
            select new { m.UserId, Number = m.EmployeeNumber!, u.DisplayName, u.DisplayNameKana, u.Email }).ToListAsync(ct);
        var posts = await db.OrgAssignments.AsNoTracking().Where(a => a.IsPrimary).ToListAsync(ct);
        // People in the org chart; the administrator's account is not an employee.
        members = [.. members.Where(m => posts.Any(p => p.UserId == m.UserId))];
        var directory = services.GetRequiredService<EmployeeDirectory>();
        var vault = services.GetRequiredService<MyNumberVault>();
        var employees = new List<(Guid Id, bool PartTime)>();
        var today = Platform.Kernel.JapanTime.Today(services.GetRequiredService<TimeProvider>());
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var post = posts.FirstOrDefault(p => p.UserId == m.UserId);
            var partTime = m.Number is "E1004" or "E1017";
            var kana = m.DisplayNameKana ?? "";
            var dependants = i % 4 == 1
                ? new List<DependantInput>
                {
                    new(m.DisplayName.Split(' ')[0] + " 花", kana.Split(' ')[0] + " ハナ", DependantRelation.Spouse, new DateOnly(1982 + i % 7, 5, 12), true),
                    new(m.DisplayName.Split(' ')[0] + " 陽太", kana.Split(' ')[0] + " ヨウタ", DependantRelation.Child, new DateOnly(2012 + i % 5, 9, 3), true),
                }
                : [];
            var employee = await directory.CreateAsync(new EmployeeInput(m.Number, m.DisplayName, kana, new DateOnly(1965 + i * 17 % 35, 1 + i % 12, 1 + i * 7 % 28),
                new DateOnly(2005 + i % 19, 4, 1), partTime ? EmploymentType.PartTime : EmploymentType.Regular,
                WorkDaysPerWeek: partTime ? 3 : 5, WorkMinutesPerDay: partTime ? 6 * 60 : 8 * 60,
                UserId: m.UserId, DepartmentId: post?.DepartmentId, PositionId: post?.PositionId, Email: m.Email,
                Phone: $"03-5555-{1000 + i:0000}", PostalCode: "1350061", Address: $"東京都江東区豊洲{1 + i % 6}-{1 + i % 9}-{1 + i}",
                EmergencyContactName: "緊急 連絡", EmergencyContactRelation: "家族", EmergencyContactPhone: $"090-0000-{1000 + i:0000}",
                PayAccount: new Employee.PayAccountInput(Banks[i % Banks.Length], $"{100 + i * 7 % 900:000}", BankAccountType.Ordinary, $"{1234567 + i * 1111}", kana),
                Dependants: dependants), ct);
            employees.Add((employee.Id, partTime));
            if (i < 3)
            {
                // Valid by the check digit, obviously not real (番号法施行令8条).
                var first11 = $"{12345678900L + i:00000000000}";
                await vault.SetAsync(employee.Id, first11 + MyNumber.CheckDigit(first11), null, ct);
            }

            var work = new ScheduledWork((partTime ? 3 * 6 : 5 * 8) * 60, partTime ? 3 : 5);
            foreach (var grant in GrantSchedule.For(employee.HireDate, today).TakeLast(2))
            {
                db.Add(LeaveGrant.Auto(employee.Id, grant, PaidLeaveGrantRules.DaysFor(PaidLeaveGrantRules.TableFor(work), grant.Number), new AttendanceRate(1, 1)));
            }
        }

        await db.SaveChangesAsync(ct);
        await AttendanceDemo.SeedAsync(services, employees, ct);
    }
}
