using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Urakata.Platform;
using Urakata.Platform.Data;
using Urakata.Platform.Outbox;
using Urakata.Platform.Security;
using Urakata.Tests.Infrastructure;

namespace Urakata.Tests.People;

/// <summary>
/// Migration <c>PeopleSpanEmployeeDate</c> copies each existing span's day (employee, date) onto the span: clock records
/// made before it must still show on the 勤務表, which now reads spans by employee and date.
/// </summary>
[Trait("Category", "Database")]
public sealed class AttendanceMigrationTests
{
    [Fact]
    public async Task Spans_recorded_before_the_migration_take_their_days_employee_and_date()
    {
        await using var database = await TestDatabase.CreateAsync();
        var options = new DbContextOptionsBuilder<UrakataDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString);
        await using var db = new UrakataDbContext(options.Options, new CurrentUser(), TimeProvider.System,
            new ModelAssemblies([typeof(PlatformModule).Assembly, typeof(Urakata.Workflow.WorkflowModule).Assembly,
                typeof(Urakata.Accounting.AccountingModule).Assembly, typeof(Urakata.People.PeopleModule).Assembly]), new OutboxSignal());
        var migrations = db.Database.GetMigrations().ToList();
        var target = migrations.Single(m => m.EndsWith("_PeopleSpanEmployeeDate", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[migrations.IndexOf(target) - 1]);

        // A company, an employee, one day with a work span and a break, as the schema before the migration held them.
        var (company, employee, day) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (work, rest) = (Guid.NewGuid(), Guid.NewGuid());
        var date = new DateOnly(2026, 10, 5);
        var now = new DateTime(2026, 10, 5, 0, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO pf_companies (id, name, fiscal_year_end_month, time_zone, is_active, version)
            VALUES ({company}, {"株式会社移行"}, {3}, {"Asia/Tokyo"}, {true}, {1})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO hr_employees (id, company_id, number, name, kana, search_key, hire_date, status, employment_type, version)
            VALUES ({employee}, {company}, {"M001"}, {"移行 太郎"}, {"イコウ タロウ"}, {"m001"}, {new DateOnly(2026, 4, 1)}, {"Active"}, {"Regular"}, {1})
            """);
        await db.Database.ExecuteSqlAsync($"INSERT INTO hr_attendance_days (id, company_id, employee_id, date, version) VALUES ({day}, {company}, {employee}, {date}, {1})");
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO hr_attendance_spans (id, company_id, attendance_day_id, kind, start_utc, end_utc, version)
            VALUES ({work}, {company}, {day}, {"Work"}, {now}, {now.AddHours(9)}, {1}), ({rest}, {company}, {day}, {"Break"}, {now.AddHours(3)}, {now.AddHours(4)}, {1})
            """);

        await migrator.MigrateAsync();

        var spans = await db.Set<Urakata.People.Attendance.AttendanceSpan>().IgnoreQueryFilters().AsNoTracking()
            .OrderBy(s => s.StartUtc).Select(s => new { s.EmployeeId, s.Date, s.Kind }).ToListAsync();
        Assert.Equal(2, spans.Count);
        Assert.All(spans, s => Assert.Equal((employee, date), (s.EmployeeId, s.Date)));
    }
}
