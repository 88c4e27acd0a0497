using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Security;

namespace Urakata.Platform.Hosting;

/// <summary>A demo sign-in printed at start-up.</summary>
public sealed record DemoLogin(string UserName, string Description);

/// <summary>
/// Seeds 株式会社サンプル商事: about 20 people in a department tree with positions (including a 兼務),
/// roles, and a second company the administrator also belongs to. Runs once: an existing demo company
/// is left as it is.
/// </summary>
public static class DemoSeeder
{
    public const string CompanyName = "株式会社サンプル商事";
    public const string SecondCompanyName = "株式会社サンプル物流";

    public static IReadOnlyList<DemoLogin> Logins { get; } =
    [
        new("admin", "システム管理者 / administrator (2 companies)"),
        new("sato", "代表取締役社長 / president"),
        new("suzuki", "管理本部長・人事部長(兼務) / head of administration"),
        new("takahashi", "総務部長 / general affairs manager"),
        new("nakamura", "営業一課長 / sales section head"),
        new("yamada", "営業一課 一般社員 / staff"),
    ];

    private sealed record Person(string User, string Name, string Kana, string Dept, string? Position, string Email);

    private static readonly (string Code, string Name, string? Parent)[] Departments =
    [
        ("000", "本社", null),
        ("100", "管理本部", "000"),
        ("110", "総務部", "100"),
        ("120", "経理部", "100"),
        ("130", "人事部", "100"),
        ("200", "営業本部", "000"),
        ("210", "営業部", "200"),
        ("211", "営業一課", "210"),
        ("212", "営業二課", "210"),
        ("300", "開発部", "000"),
    ];

    private static readonly (string Code, string Name, int Rank)[] Positions =
    [
        ("president", "社長", 100),
        ("division-head", "本部長", 80),
        ("department-head", "部長", 70),
        ("section-head", "課長", 50),
        ("chief", "係長", 30),
        ("lead", "主任", 20),
        ("staff", "一般", 0),
    ];

    private static readonly Person[] People =
    [
        new("sato", "佐藤 健一", "サトウ ケンイチ", "000", "president", "sato@example.jp"),
        new("suzuki", "鈴木 一郎", "スズキ イチロウ", "100", "division-head", "suzuki@example.jp"),
        new("takahashi", "高橋 美咲", "タカハシ ミサキ", "110", "department-head", "takahashi@example.jp"),
        new("ito", "伊藤 由美", "イトウ ユミ", "110", "staff", "ito@example.jp"),
        new("tanaka", "田中 浩二", "タナカ コウジ", "120", "department-head", "tanaka@example.jp"),
        new("kobayashi", "小林 花子", "コバヤシ ハナコ", "120", "chief", "kobayashi@example.jp"),
        new("kato", "加藤 陽子", "カトウ ヨウコ", "120", "staff", "kato@example.jp"),
        new("yoshida", "吉田 真理", "ヨシダ マリ", "130", "lead", "yoshida@example.jp"),
        new("watanabe", "渡辺 健", "ワタナベ ケン", "200", "division-head", "watanabe@example.jp"),
        new("yamamoto", "山本 大輔", "ヤマモト ダイスケ", "210", "department-head", "yamamoto@example.jp"),
        new("nakamura", "中村 翔", "ナカムラ ショウ", "211", "section-head", "nakamura@example.jp"),
        new("matsumoto", "松本 さくら", "マツモト サクラ", "211", "chief", "matsumoto@example.jp"),
        new("yamada", "山田 太郎", "ヤマダ タロウ", "211", "staff", "yamada@example.jp"),
        new("inoue", "井上 美穂", "イノウエ ミホ", "211", "staff", "inoue@example.jp"),
        new("kimura", "木村 誠", "キムラ マコト", "212", "section-head", "kimura@example.jp"),
        new("hayashi", "林 優子", "ハヤシ ユウコ", "212", "staff", "hayashi@example.jp"),
        new("shimizu", "清水 拓也", "シミズ タクヤ", "212", "staff", "shimizu@example.jp"),
        new("yamaguchi", "山口 修", "ヤマグチ オサム", "300", "department-head", "yamaguchi@example.jp"),
        new("mori", "森 彩", "モリ アヤ", "300", "lead", "mori@example.jp"),
        new("ikeda", "池田 亮", "イケダ リョウ", "300", "staff", "ikeda@example.jp"),
    ];

    public static async Task<bool> SeedAsync(IServiceProvider services, string password, DateOnly effectiveFrom, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<UrakataDbContext>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var registry = sp.GetRequiredService<PermissionRegistry>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var current = sp.GetRequiredService<CurrentUser>();
        using var system = current.AsSystem("seed-demo");
        if (await db.Companies.AnyAsync(c => c.Name == CompanyName, ct))
        {
            return false;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var company = Company.Create(CompanyName, 3, "7000012050002", "T7000012050002", "100-0005", "東京都千代田区丸の内1-1-1", "カブシキガイシャサンプルショウジ");
        var logistics = Company.Create(SecondCompanyName, 12, null, null, "530-0001", "大阪府大阪市北区梅田1-1-1", "カブシキガイシャサンプルブツリュウ");
        db.Companies.AddRange(company, logistics);
        await db.SaveChangesAsync(ct);

        var roles = CreateRoles(company.Id, registry);
        foreach (var (roleKey, permission) in sp.GetRequiredService<Modules.ModuleCatalog>().Modules.SelectMany(m => m.DemoGrants))
        {
            roles[roleKey].Grant(permission);
        }
        db.Roles.AddRange(roles.Values);
        var logisticsAdmin = CompanyAdmin.AdministratorRole(logistics.Id, registry);
        db.Roles.Add(logisticsAdmin);

        var departments = new Dictionary<string, Department>();
        foreach (var (code, name, parent) in Departments)
        {
            var d = new Department(company.Id, code, name, parent is null ? null : departments[parent].Id, int.Parse(code, System.Globalization.CultureInfo.InvariantCulture));
            departments[code] = d;
            db.Departments.Add(d);
        }
        var positions = Positions.ToDictionary(p => p.Code, p => new Position(company.Id, p.Code, p.Name, p.Rank));
        db.Positions.AddRange(positions.Values);
        db.Departments.Add(new Department(logistics.Id, "100", "物流センター"));
        await db.SaveChangesAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var admin = await CreateUserAsync(users, "admin", "管理者 太郎", "カンリシャ タロウ", "admin@example.jp", password, company.Id, now);
        AddMember(db, company.Id, admin.Id, "A0001", roles["admin"].Id);
        AddMember(db, logistics.Id, admin.Id, "L0001", logisticsAdmin.Id);

        var number = 1001;
        foreach (var p in People)
        {
            var user = await CreateUserAsync(users, p.User, p.Name, p.Kana, p.Email, password, company.Id, now);
            var role = p.User switch
            {
                "sato" => roles["admin"],
                "suzuki" or "yoshida" => roles["hr"],
                "tanaka" or "kobayashi" or "kato" => roles["accounting"],
                _ => roles["staff"],
            };
            AddMember(db, company.Id, user.Id, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"E{number++}"), role.Id);
            db.OrgAssignments.Add(new OrgAssignment(company.Id, user.Id, departments[p.Dept].Id, p.Position is null ? null : positions[p.Position].Id,
                effectiveFrom, null, isPrimary: true));
        }
        await db.SaveChangesAsync(ct);
        // 兼務: the head of administration also heads 人事部.
        var suzuki = await users.FindByNameAsync("suzuki");
        db.OrgAssignments.Add(new OrgAssignment(company.Id, suzuki!.Id, departments["130"].Id, positions["department-head"].Id, effectiveFrom, null, isPrimary: false));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var module in sp.GetRequiredService<Modules.ModuleCatalog>().Modules)
        {
            await using var moduleScope = services.CreateAsyncScope();
            using var asAdmin = moduleScope.ServiceProvider.GetRequiredService<CurrentUser>().InCompany(company.Id, admin.Id, "admin");
            await module.SeedDemoAsync(moduleScope.ServiceProvider, ct);
        }
        return true;
    }

    private static Dictionary<string, Role> CreateRoles(Guid companyId, PermissionRegistry registry)
    {
        var admin = CompanyAdmin.AdministratorRole(companyId, registry);
        var hr = new Role(companyId, "人事担当", "組織・ユーザー管理 / HR: organisation and users");
        foreach (var p in new[] { PlatformPermissions.OrgRead, PlatformPermissions.OrgManage, PlatformPermissions.UsersManage, PlatformPermissions.AuditRead, PlatformPermissions.FilesUpload })
        {
            hr.Grant(p);
        }
        var accounting = new Role(companyId, "経理担当", "経理 / Accounting");
        accounting.Grant(PlatformPermissions.OrgRead);
        accounting.Grant(PlatformPermissions.FilesUpload);
        accounting.Grant(PlatformPermissions.CalendarManage);
        var staff = new Role(companyId, "一般社員", "一般 / Staff");
        staff.Grant(PlatformPermissions.OrgRead);
        staff.Grant(PlatformPermissions.FilesUpload, DataScope.Own);
        return new() { ["admin"] = admin, ["hr"] = hr, ["accounting"] = accounting, ["staff"] = staff };
    }

    private static void AddMember(UrakataDbContext db, Guid companyId, Guid userId, string number, Guid roleId)
    {
        var m = new CompanyMembership(companyId, userId);
        m.SetEmployeeNumber(number);
        m.SetRoles([roleId]);
        db.Memberships.Add(m);
    }

    private static async Task<AppUser> CreateUserAsync(UserManager<AppUser> users, string userName, string name, string kana, string email, string password, Guid companyId, DateTime now)
    {
        var user = new AppUser { UserName = userName, Email = email, DisplayName = name, DisplayNameKana = kana, CurrentCompanyId = companyId, CreatedAt = now };
        UserAdmin.ThrowIfFailed(await users.CreateAsync(user, password));
        return user;
    }
}
