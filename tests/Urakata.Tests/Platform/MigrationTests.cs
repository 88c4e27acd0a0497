using Microsoft.EntityFrameworkCore;

namespace Urakata.Tests.Platform;

/// <summary>Fails when the model changed without a migration, for each provider.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_ModelHasNoChangesWithoutMigration()
    {
        using var db = new Urakata.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: cd src/Urakata.Migrations.Sqlite && dotnet ef migrations add NAME -o Migrations");
    }

    [Fact]
    public void Postgres_ModelHasNoChangesWithoutMigration()
    {
        using var db = new Urakata.Migrations.Postgres.DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: cd src/Urakata.Migrations.Postgres && dotnet ef migrations add NAME -o Migrations");
    }
}
