using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Urakata.Platform;
using Urakata.Platform.Data;
using Urakata.Platform.Outbox;
using Urakata.Platform.Security;

namespace Urakata.Migrations.Sqlite;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the host. Lists the same module
/// assemblies as <c>UrakataApp.Modules</c>; a new module is added to both.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<UrakataDbContext>
{
    public UrakataDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<UrakataDbContext>();
        DatabaseSetup.Configure(options, "sqlite", "Data Source=design.db");
        return new UrakataDbContext(options.Options, new CurrentUser(), TimeProvider.System,
            new ModelAssemblies([typeof(PlatformModule).Assembly, typeof(Workflow.WorkflowModule).Assembly, typeof(Accounting.AccountingModule).Assembly, typeof(People.PeopleModule).Assembly]), new OutboxSignal());
    }
}
