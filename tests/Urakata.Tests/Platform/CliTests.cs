using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Urakata.Tests.Platform;

/// <summary>The verbs of the real <c>urakata</c> executable, run as a process on a SQLite data folder.</summary>
public sealed class CliTests : IDisposable
{
    private const string DemoPassword = "cli-demo-password-1";
    private readonly string _data = Directory.CreateTempSubdirectory("urakata-cli-").FullName;

    [Fact]
    public async Task SeedDemo_ThenVerify_IsIntact_AndARawSqlEditIsReportedWithExitCode2()
    {
        Assert.Equal(0, (await RunAsync(_data, "seed-demo", $"--Demo:Password={DemoPassword}")).ExitCode);
        var intact = await RunAsync(_data, "verify");
        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("intact", intact.Output, StringComparison.Ordinal);

        long sequence;
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(_data, "urakata.db")};Pooling=False"))
        {
            await db.OpenAsync();
            var find = db.CreateCommand();
            find.CommandText = "SELECT id, sequence FROM pf_audit_events WHERE entity_type = 'Department' ORDER BY company_id, sequence LIMIT 1 OFFSET 3";
            await using var reader = await find.ExecuteReaderAsync();
            await reader.ReadAsync();
            var id = reader.GetString(0);
            sequence = reader.GetInt64(1);
            await reader.CloseAsync();
            var tamper = db.CreateCommand();
            tamper.CommandText = "UPDATE pf_audit_events SET user_name = 'someone-else' WHERE id = $id";
            tamper.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }
        var tampered = await RunAsync(_data, "verify");
        Assert.Equal(2, tampered.ExitCode);
        Assert.Contains($"row {sequence}", tampered.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_ThenRestoreIntoAnotherFolder_GivesTheSameData()
    {
        Assert.Equal(0, (await RunAsync(_data, "seed-demo", $"--Demo:Password={DemoPassword}")).ExitCode);
        var backup = Path.Combine(_data, "backup.db");
        var result = await RunAsync(_data, "backup", backup);
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(backup), result.Output);
        Assert.Equal(1, (await RunAsync(_data, "backup", backup)).ExitCode); // never overwrites

        var other = Path.Combine(_data, "restored");
        Directory.CreateDirectory(other);
        var restored = await RunAsync(other, "restore", backup);
        Assert.Equal(0, restored.ExitCode);
        Assert.Equal(await CountAsync(_data, "pf_org_assignments"), await CountAsync(other, "pf_org_assignments"));
        Assert.Equal(await CountAsync(_data, "pf_audit_events"), await CountAsync(other, "pf_audit_events"));
        Assert.Equal(0, (await RunAsync(other, "verify")).ExitCode);

        var garbage = Path.Combine(_data, "not-a-db.db");
        await File.WriteAllTextAsync(garbage, "this is not SQLite");
        Assert.Equal(1, (await RunAsync(other, "restore", garbage)).ExitCode);
        Assert.Equal(await CountAsync(_data, "pf_org_assignments"), await CountAsync(other, "pf_org_assignments"));
    }

    [Fact]
    public async Task CreateAdmin_MakesAMemberWithEveryPermission_AndRefusesAWeakPassword()
    {
        var weak = await RunAsync(_data, "create-admin", "--user=owner", "--password=short", "--company=株式会社テスト");
        Assert.Equal(1, weak.ExitCode);
        var ok = await RunAsync(_data, "create-admin", "--user=owner", "--password=a-long-enough-password", "--company=株式会社テスト");
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("株式会社テスト", ok.Output, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(_data, "pf_memberships"));
        Assert.True(await CountAsync(_data, "pf_role_permissions") >= 8);
    }

    private static async Task<long> CountAsync(string data, string table)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(data, "urakata.db")};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string data, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = data };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "urakata.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.ArgumentList.Add($"--Storage:DataPath={data}");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
