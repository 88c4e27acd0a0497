using System.Reflection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Api;
using Urakata.Platform.Audit;
using Urakata.Platform.Domain;
using Urakata.Platform.Numbering;
using Urakata.Platform.Outbox;
using Urakata.Platform.Security;

namespace Urakata.Platform.Data;

/// <summary>
/// The one DbContext of Urakata. Every module's <see cref="IEntityTypeConfiguration{TEntity}"/> is applied
/// from its assembly; every <see cref="ICompanyOwned"/> entity gets the company query filter; saving
/// stamps the company, bumps versions, writes the audit trail and the outbox in the same transaction.
/// </summary>
public sealed partial class UrakataDbContext : IdentityUserContext<AppUser, Guid>
{
    private readonly CurrentUser _currentUser;
    private readonly TimeProvider _clock;
    private readonly ModelAssemblies _modelAssemblies;
    private readonly OutboxSignal _outboxSignal;

    public UrakataDbContext(DbContextOptions<UrakataDbContext> options, CurrentUser currentUser, TimeProvider clock,
        ModelAssemblies modelAssemblies, OutboxSignal outboxSignal)
        : base(options)
    {
        _currentUser = currentUser;
        _clock = clock;
        _modelAssemblies = modelAssemblies;
        _outboxSignal = outboxSignal;
    }

    public DbSet<Company> Companies => Set<Company>();
    public DbSet<CompanyMembership> Memberships => Set<CompanyMembership>();
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<OrgAssignment> OrgAssignments => Set<OrgAssignment>();
    public DbSet<CompanyHoliday> CompanyHolidays => Set<CompanyHoliday>();
    public DbSet<PersonalAccessToken> AccessTokens => Set<PersonalAccessToken>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    internal CurrentUser CurrentUser => _currentUser;
    internal TimeProvider Clock => _clock;

    // Read by the query filters on every query: EF parameterises members of the context.
    private Guid CurrentCompanyId => _currentUser.CompanyId ?? Guid.Empty;
    private bool AllCompanies => _currentUser.AllCompanies;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().ToTable("pf_users");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("pf_user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("pf_user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("pf_user_tokens");

        foreach (var assembly in _modelAssemblies.Assemblies)
        {
            builder.ApplyConfigurationsFromAssembly(assembly);
        }

        var applyFilter = typeof(UrakataDbContext).GetMethod(nameof(ApplyCompanyFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(ICompanyOwned).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            applyFilter.MakeGenericMethod(entityType.ClrType).Invoke(this, [builder]);
        }
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            builder.Entity(entityType.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
            builder.Entity(entityType.ClrType).Ignore(nameof(Entity.DomainEvents));
        }
    }

    private void ApplyCompanyFilter<T>(ModelBuilder builder) where T : class, ICompanyOwned =>
        builder.Entity<T>().HasQueryFilter(e => AllCompanies || e.CompanyId == CurrentCompanyId);
}

/// <summary>The assemblies whose EF configurations make up the model (Platform plus every module).</summary>
public sealed class ModelAssemblies(IEnumerable<Assembly> assemblies)
{
    public IReadOnlyList<Assembly> Assemblies { get; } = assemblies.Distinct().ToList();
}

/// <summary>Instants are stored and read back as UTC on both providers (SQLite forgets the kind).</summary>
public sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
