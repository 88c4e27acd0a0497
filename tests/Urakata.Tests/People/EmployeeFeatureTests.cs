using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Urakata.People;
using Urakata.People.Api;
using Urakata.People.Employees;
using Urakata.Platform.Audit;
using Urakata.Platform.Data;
using Urakata.Platform.Security;
using Urakata.Platform.Features;
using Urakata.Tests.Infrastructure;
using Urakata.Tests.Workflow;

namespace Urakata.Tests.People;

/// <summary>The 社員台帳 over HTTP on a real database: search by kana, versions, isolation, permissions, the マイナンバー vault, export and import.</summary>
[Trait("Category", "Database")]
public sealed class EmployeeFeatureTests(UrakataFactory factory) : IClassFixture<UrakataFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static EmployeeInput Yamada(string number = "E001") => new(number, "山田 太郎", "やまだ たろう", new DateOnly(1990, 5, 1), new DateOnly(2020, 4, 1),
        EmploymentType.Regular, WorkDaysPerWeek: 5, WorkMinutesPerDay: 480, Email: "yamada@example.jp", PostalCode: "1000005",
        PayAccount: new("0005", "123", BankAccountType.Ordinary, "1234567", "ヤマダ タロウ"),
        Dependants: [new("山田 花子", "ヤマダ ハナコ", DependantRelation.Spouse, new DateOnly(1991, 2, 3), true)]);

    private static async Task<EmployeeDto> CreateAsync(HttpClient client, EmployeeInput input)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people/employees", input, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EmployeeDto>(Json))!;
    }

    [Fact]
    public async Task Create_SearchByKana_Update_AndAStaleVersionIsRefused()
    {
        var a = await factory.CreateCompanyAsync("株式会社人事甲", "hr-a");
        var client = await factory.CreateApiClientAsync(a);
        var yamada = await CreateAsync(client, Yamada());
        await CreateAsync(client, new EmployeeInput("E002", "佐藤 花子", "サトウ ハナコ", null, new DateOnly(2021, 4, 1), EmploymentType.PartTime));

        Assert.Equal("ヤマダ タロウ", yamada.Kana);
        Assert.Equal("ﾔﾏﾀﾞ ﾀﾛｳ", yamada.PayAccount!.HolderKana);
        Assert.Equal("100-0005", yamada.PostalCode);
        Assert.Equal(["山田 花子"], yamada.Dependants.Select(d => d.Name));

        async Task<List<string>> Search(string query) =>
            [.. (await client.GetFromJsonAsync<List<EmployeeSummaryDto>>("/api/v1/people/employees?" + query, Json))!.Select(e => e.Number)];
        Assert.Equal(["E001"], await Search("q=" + Uri.EscapeDataString("ﾔﾏﾀﾞ")));
        Assert.Equal(["E001"], await Search("q=" + Uri.EscapeDataString("やまだ")));
        Assert.Equal(["E002"], await Search("q=" + Uri.EscapeDataString("花子")));
        Assert.Equal(["E001", "E002"], await Search("q=E00"));
        Assert.Equal(["E001", "E002"], await Search("status=Active"));
        Assert.Empty(await Search("status=Retired"));

        var path = $"/api/v1/people/employees/{yamada.Id}";
        var retired = Yamada() with { Status = EmployeeStatus.Retired, RetirementDate = new DateOnly(2026, 10, 31), Version = yamada.Version, Dependants = [] };
        var updated = await client.PutAsJsonAsync(path, retired, Json);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = (await updated.Content.ReadFromJsonAsync<EmployeeDto>(Json))!;
        Assert.Equal((EmployeeStatus.Retired, yamada.Version + 1), (after.Status, after.Version));
        Assert.Empty(after.Dependants);
        Assert.Equal(["E001"], await Search("status=Retired"));

        // Someone else's form, opened before that change, cannot overwrite it.
        var stale = await client.PutAsJsonAsync(path, Yamada() with { Version = yamada.Version }, Json);
        Assert.True(stale.StatusCode == HttpStatusCode.Conflict, await stale.Content.ReadAsStringAsync());

        var duplicate = await client.PostAsJsonAsync("/api/v1/people/employees", Yamada(), Json);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("E001", (await duplicate.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["number"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var badBank = await client.PostAsJsonAsync("/api/v1/people/employees",
            Yamada("E003") with { PayAccount = new("05", "123", BankAccountType.Ordinary, "1234567", "山田") }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, badBank.StatusCode);
        var errors = (await badBank.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["payAccount.accountHolderKana", "payAccount.bankCode"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["E001", "E002"], await Search(""));
    }

    [Fact]
    public async Task AnotherCompanysEmployee_Answers404_AndIsNotListed()
    {
        var a = await factory.CreateCompanyAsync("株式会社人事乙", "hr-b");
        var b = await factory.CreateCompanyAsync("株式会社人事丙", "hr-c");
        var clientA = await factory.CreateApiClientAsync(a);
        var clientB = await factory.CreateApiClientAsync(b);
        var yamada = await CreateAsync(clientA, Yamada());
        var path = $"/api/v1/people/employees/{yamada.Id}";

        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.PutAsJsonAsync(path, Yamada(), Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.PostAsJsonAsync(path + "/my-number/view", new MyNumberViewBody("年末調整"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.PutAsJsonAsync(path + "/my-number", new MyNumberBody("621498320257"))).StatusCode);
        Assert.Empty((await clientB.GetFromJsonAsync<List<EmployeeSummaryDto>>("/api/v1/people/employees?q=E001", Json))!);
        // Company B may use the same 社員番号: it is unique per company only.
        await CreateAsync(clientB, Yamada());
        Assert.Equal(HttpStatusCode.OK, (await clientA.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Staff_Get403_SeeOnlyTheirOwnRecord_AndHrReads()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var company = new TestCompany(demo.CompanyId, "", await demo.UserAsync("admin"), "admin");
        var staff = await factory.CreateApiClientAsync(company, await demo.UserAsync("yamada"));
        var hr = await factory.CreateApiClientAsync(company, await demo.UserAsync("yoshida"));

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/people/employees")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/people/exports/employees")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/people/employees", Yamada("X1"), Json)).StatusCode);
        var all = (await hr.GetFromJsonAsync<List<EmployeeSummaryDto>>("/api/v1/people/employees?limit=500", Json))!;
        Assert.Equal(20, all.Count);
        var sato = all.Single(e => e.Name == "佐藤 健一");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/v1/people/employees/{sato.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/v1/people/employees/{sato.Id}/my-number/view", new MyNumberViewBody("確認"))).StatusCode);

        var me = (await staff.GetFromJsonAsync<EmployeeDto>("/api/v1/people/me", Json))!;
        Assert.Equal(("山田 太郎", "営業一課", "一般"), (me.Name, me.DepartmentName, me.PositionName));
        Assert.Equal(["山田 太郎"], (await hr.GetFromJsonAsync<List<EmployeeSummaryDto>>("/api/v1/people/employees?q=" + Uri.EscapeDataString("やまだ"), Json))!.Select(e => e.Name));
        var sales1 = await demo.DepartmentAsync("211");
        Assert.Equal(4, (await hr.GetFromJsonAsync<List<EmployeeSummaryDto>>($"/api/v1/people/employees?department={sales1}", Json))!.Count);
        // The administrator has no employee record of their own.
        var admin = await factory.CreateApiClientAsync(company);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/people/me")).StatusCode);
    }

    [Fact]
    public async Task ReadScope_Department_ReachesTheDepartmentsUnderIt_AndOwn_OnlyOnesOwnRecord()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var company = new TestCompany(demo.CompanyId, "", await demo.UserAsync("admin"), "admin");
        async Task GrantAsync(string userName, DataScope scope)
        {
            var userId = await demo.UserAsync(userName);
            await factory.InCompanyAsync(company.Id, company.AdminId, async sp =>
            {
                var role = await sp.GetRequiredService<RoleAdmin>().SaveAsync(null, new SaveRole("社員台帳 " + userName, null,
                    [new RoleGrantDto(PeoplePermissions.EmployeesRead, scope)]));
                var users = sp.GetRequiredService<UserAdmin>();
                var member = await users.MemberAsync(userId);
                return await users.UpdateAsync(userId, new UpdateMember(member.DisplayName, null, null, null, true, [.. member.RoleIds, role.Id], member.Version));
            });
        }
        await GrantAsync("yamamoto", DataScope.Department); // 営業部長 (210): 営業一課 211 and 営業二課 212 are under it
        await GrantAsync("inoue", DataScope.Own);
        var bucho = await factory.CreateApiClientAsync(company, await demo.UserAsync("yamamoto"));
        var inoue = await factory.CreateApiClientAsync(company, await demo.UserAsync("inoue"));

        async Task<List<EmployeeSummaryDto>> ListAsync(HttpClient client) =>
            (await client.GetFromJsonAsync<List<EmployeeSummaryDto>>("/api/v1/people/employees?limit=500", Json))!;
        Assert.Equal(["中村 翔", "井上 美穂", "山本 大輔", "山田 太郎", "木村 誠", "松本 さくら", "林 優子", "清水 拓也"],
            (await ListAsync(bucho)).Select(e => e.Name).Order());
        Assert.Equal(["井上 美穂"], (await ListAsync(inoue)).Select(e => e.Name));

        var hr = await factory.CreateApiClientAsync(company, await demo.UserAsync("yoshida"));
        var all = await ListAsync(hr);
        var ikeda = all.Single(e => e.Name == "池田 亮"); // 開発部: outside both
        var yamada = all.Single(e => e.Name == "山田 太郎");
        Assert.Equal(HttpStatusCode.NotFound, (await bucho.GetAsync($"/api/v1/people/employees/{ikeda.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bucho.GetAsync($"/api/v1/people/employees/{yamada.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inoue.GetAsync($"/api/v1/people/employees/{yamada.Id}")).StatusCode);
    }

    [Fact]
    public async Task MyNumber_IsNeverInEmployeeAnswers_AndAViewNeedsAReason_AndIsAudited()
    {
        var a = await factory.CreateCompanyAsync("株式会社人事丁", "hr-d");
        var client = await factory.CreateApiClientAsync(a);
        var yamada = await CreateAsync(client, Yamada());
        var path = $"/api/v1/people/employees/{yamada.Id}";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync(path + "/my-number", new MyNumberBody("621498320258"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(path + "/my-number", new MyNumberBody("6214 9832 0257"))).StatusCode);

        var detail = await client.GetStringAsync(path);
        var list = await client.GetStringAsync("/api/v1/people/employees");
        var export = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/v1/people/exports/employees?format=csv"));
        foreach (var body in new[] { detail, list, export })
        {
            Assert.DoesNotContain("621498320257", body, StringComparison.Ordinal);
            Assert.DoesNotContain("9832", body, StringComparison.Ordinal);
        }
        Assert.True(JsonNode.Parse(detail)!["hasMyNumber"]!.GetValue<bool>());
        Assert.Null(JsonNode.Parse(detail)!["myNumberProtected"]);

        var noReason = await client.PostAsJsonAsync(path + "/my-number/view", new MyNumberViewBody(" "));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.DoesNotContain("621498320257", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var viewed = await client.PostAsJsonAsync(path + "/my-number/view", new MyNumberViewBody("源泉徴収票の作成"));
        Assert.Equal(HttpStatusCode.OK, viewed.StatusCode);
        Assert.Equal("621498320257", (await viewed.Content.ReadFromJsonAsync<MyNumberView>(Json))!.MyNumber);

        var (stored, events) = await factory.InCompanyAsync(a.Id, a.AdminId, async sp =>
        {
            var db = sp.GetRequiredService<UrakataDbContext>();
            var row = await db.Set<Employee>().AsNoTracking().SingleAsync(e => e.Id == yamada.Id);
            var audit = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(Employee) && e.EntityId == yamada.Id.ToString()).OrderBy(e => e.Sequence).ToListAsync();
            return (row.MyNumberProtected!, audit);
        });
        Assert.DoesNotContain("621498320257", stored, StringComparison.Ordinal);
        var reads = events.Where(e => e.Action == AuditAction.Accessed).ToList();
        Assert.Equal(["源泉徴収票の作成"], reads.Select(e => e.Reason));
        Assert.Equal(a.AdminId, reads[0].UserId);
        Assert.All(events, e => Assert.DoesNotContain("621498320257", e.Changes, StringComparison.Ordinal));
        Assert.Contains(events, e => e.Action == AuditAction.Updated && e.Changes.Contains("MyNumberProtected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PayAccount_IsLeftOutForAClerkWithoutThePayRight_AndNeitherChangedNorLostByTheirEdits()
    {
        var a = await factory.CreateCompanyAsync("株式会社人事庚", "hr-pay");
        var hr = await factory.CreateApiClientAsync(a);
        var yamada = await CreateAsync(hr, Yamada());
        // 総務の事務員: may read and edit the master, but not the pay accounts.
        var clerkId = await factory.InCompanyAsync(a.Id, a.AdminId, async sp =>
        {
            var role = await sp.GetRequiredService<RoleAdmin>().SaveAsync(null, new SaveRole("総務事務", null,
                [new(PeoplePermissions.EmployeesRead, DataScope.Company), new(PeoplePermissions.EmployeesManage, DataScope.Company)]));
            return (await sp.GetRequiredService<UserAdmin>().CreateAsync(new CreateMember(
                "hr-pay-clerk", "総務 事務子", "ソウム ジムコ", null, UrakataFactory.Password, "E900", [role.Id]))).UserId;
        });
        var clerk = await factory.CreateApiClientAsync(a, clerkId);
        var path = $"/api/v1/people/employees/{yamada.Id}";

        var seen = (await clerk.GetFromJsonAsync<JsonObject>(path))!;
        Assert.Equal("山田 太郎", seen["name"]!.GetValue<string>());
        Assert.False(seen.ContainsKey("payAccount"), seen.ToJsonString()); // not null: not there at all

        // Their edit of the address keeps the account they never saw…
        var moved = Yamada() with { Address = "大阪府大阪市北区1-1", PayAccount = null, Version = yamada.Version };
        var edited = await clerk.PutAsJsonAsync(path, moved, Json);
        Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var afterEdit = (await hr.GetFromJsonAsync<EmployeeDto>(path, Json))!;
        Assert.Equal(("大阪府大阪市北区1-1", "1234567"), (afterEdit.Address, afterEdit.PayAccount!.AccountNumber));

        // …and sending one is refused, with nothing changed; so is a new employee with an account, and an import with one.
        var redirect = Yamada() with { PayAccount = new("0001", "001", BankAccountType.Ordinary, "7777777", "ソウム ジムコ"), Version = afterEdit.Version };
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PutAsJsonAsync(path, redirect, Json)).StatusCode);
        Assert.Equal("1234567", (await hr.GetFromJsonAsync<EmployeeDto>(path, Json))!.PayAccount!.AccountNumber);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/v1/people/employees", Yamada("E777"), Json)).StatusCode);
        var import = await clerk.PostAsync("/api/v1/people/imports/employees",
            CsvFile(Header + "S101,鈴木 一郎,スズキ イチロウ,1980/01/02,2010/04/01,正社員,5,8,0005,123,普通,1234567,ｽｽﾞｷ ｲﾁﾛｳ\r\n"));
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Equal(["row 2.銀行コード"], (await import.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(["E001"], (await hr.GetFromJsonAsync<List<EmployeeSummaryDto>>("/api/v1/people/employees", Json))!.Select(e => e.Number));
    }

    private static MultipartFormDataContent CsvFile(string csv, Encoding? encoding = null)
    {
        var bytes = (encoding ?? new UTF8Encoding(true)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(csv)).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { content, "file", "employees.csv" } };
    }

    private const string Header = "社員番号,氏名,フリガナ,生年月日,入社日,雇用区分,週所定労働日数,1日の所定労働時間,銀行コード,支店コード,預金種目,口座番号,口座名義カナ\r\n";

    [Fact]
    public async Task Import_WithOneBadRow_ImportsNothing_AndNamesRowAndColumn_InTheReadersLanguage()
    {
        var a = await factory.CreateCompanyAsync("株式会社人事戊", "hr-e");
        var client = await factory.CreateApiClientAsync(a);
        var bad = Header
            + "S001,鈴木 一郎,すずき いちろう,1980/01/02,2010/04/01,正社員,5,8,0005,123,普通,1234567,ｽｽﾞｷ ｲﾁﾛｳ\r\n"
            + "S002,高橋 次郎,タカハシ ジロウ,1985-03-04,2015-04-01,パート,3,6,0005,12,普通,7654321,タカハシ ジロウ\r\n"
            + "S003,田中 三郎,タナカ サブロウ,1990/13/01,2020/04/01,アルバイト,2,7.5,,,,,\r\n";
        var response = await client.PostAsync("/api/v1/people/imports/employees", CsvFile(bad));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["row 3.支店コード", "row 4.生年月日"], errors.Select(e => e.Key));
        Assert.Contains("1990/13/01", errors["row 4.生年月日"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<List<EmployeeSummaryDto>>("/api/v1/people/employees", Json))!);

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = (await (await client.PostAsync("/api/v1/people/imports/employees", CsvFile(bad))).Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["row 3.branch code", "row 4.date of birth"], english.Select(e => e.Key));
        Assert.Equal("The branch code is 3 digits.", english["row 3.branch code"]![0]!.GetValue<string>());

        var good = bad.Replace(",12,普通,7654321", ",124,普通,7654321", StringComparison.Ordinal).Replace("1990/13/01", "1990/12/01", StringComparison.Ordinal);
        // Shift_JIS, as Excel saves "CSV" on a Japanese Windows.
        var sjis = new MultipartFormDataContent { { new ByteArrayContent(Urakata.Platform.Tabular.ShiftJis.Encoding.GetBytes(good)), "file", "employees.csv" } };
        var ok = await client.PostAsync("/api/v1/people/imports/employees", sjis);
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var imported = (await client.GetFromJsonAsync<List<EmployeeSummaryDto>>("/api/v1/people/employees", Json))!;
        Assert.Equal(["S001", "S002", "S003"], imported.Select(e => e.Number));
        var takahashi = (await client.GetFromJsonAsync<EmployeeDto>($"/api/v1/people/employees/{imported[1].Id}", Json))!;
        Assert.Equal(("ﾀｶﾊｼ ｼﾞﾛｳ", "124", EmploymentType.PartTime, 360), (takahashi.PayAccount!.HolderKana, takahashi.PayAccount.BranchCode, takahashi.EmploymentType, takahashi.WorkMinutesPerDay));

        // The same file again: every 社員番号 is taken now, and still nothing is added.
        var again = (await (await client.PostAsync("/api/v1/people/imports/employees", CsvFile(good))).Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["row 2.employee number", "row 3.employee number", "row 4.employee number"], again.Select(e => e.Key));
        Assert.Equal(3, (await client.GetFromJsonAsync<List<EmployeeSummaryDto>>("/api/v1/people/employees", Json))!.Count);
    }

    [Fact]
    public async Task Export_GivesCsvWithBom_ShiftJis_AndExcel()
    {
        var a = await factory.CreateCompanyAsync("株式会社人事己", "hr-f");
        var client = await factory.CreateApiClientAsync(a);
        await CreateAsync(client, Yamada());
        var csv = await client.GetByteArrayAsync("/api/v1/people/exports/employees?format=csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n");
        Assert.Equal("社員番号,氏名,フリガナ,部署,役職,雇用区分,在籍区分,入社日,退職日,メールアドレス,電話番号", lines[0]);
        Assert.Equal("E001,山田 太郎,ヤマダ タロウ,,,正社員,在籍,2020/04/01,,yamada@example.jp,", lines[1]);
        var sjis = Urakata.Platform.Tabular.ShiftJis.Encoding.GetString(await client.GetByteArrayAsync("/api/v1/people/exports/employees?format=csv-sjis"));
        Assert.Contains("山田 太郎", sjis, StringComparison.Ordinal);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await client.GetByteArrayAsync("/api/v1/people/exports/employees?format=xlsx&q=E001")), useHeaderRow: false)
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => r.Values.Contains("山田 太郎") && r.Values.Contains("ヤマダ タロウ"));
    }

    [Fact]
    public async Task Pages_ShowTheListTheRecordAndMyProfile_ButNotTheMyNumber()
    {
        var demo = await WorkflowDemo.SeedAsync(factory);
        var hr = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserForms.SignInAsync(hr, "yoshida", UrakataFactory.Password)).StatusCode);
        var list = await hr.GetStringAsync("/people/employees");
        Assert.Contains("山田 太郎", list, StringComparison.Ordinal);
        Assert.Contains("ヤマダ タロウ", list, StringComparison.Ordinal);

        // The demo gives the first three employees a (made-up) マイナンバー; the record page says only that one is on file.
        var sato = await factory.InCompanyAsync(demo.CompanyId, null, sp => sp.GetRequiredService<UrakataDbContext>().Set<Employee>().AsNoTracking().SingleAsync(e => e.Number == "E1001"));
        Assert.True(sato.HasMyNumber);
        var page = await hr.GetStringAsync($"/people/employees/{sato.Id}");
        Assert.Contains("佐藤 健一", page, StringComparison.Ordinal);
        Assert.Contains("登録済み", page, StringComparison.Ordinal);
        Assert.DoesNotContain("123456789", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/people/import")).StatusCode);

        var staff = factory.CreateBrowserClient();
        await BrowserForms.SignInAsync(staff, "yamada", UrakataFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/people/employees")).StatusCode);
        var me = await staff.GetStringAsync("/people/me");
        Assert.Contains("山田 太郎", me, StringComparison.Ordinal);
        Assert.Contains("営業一課", me, StringComparison.Ordinal);
    }
}
