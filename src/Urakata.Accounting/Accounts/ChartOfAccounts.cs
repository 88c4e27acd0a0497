using Microsoft.EntityFrameworkCore;
using Urakata.Accounting.Ledger;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Kernel;

namespace Urakata.Accounting.Accounts;

public sealed record SubAccountDto(Guid Id, string Code, string Name, string? Kana, bool IsActive, int Version);

public sealed record AccountDto(Guid Id, string Code, string Name, string Kana, string? EnglishName, AccountGroup Group, AccountSection Section,
    BalanceSide NormalSide, string? DefaultTaxCode, AccountRole Role, bool IsActive, int Version, IReadOnlyList<SubAccountDto> SubAccounts);

public sealed record AccountInput(string Code, string Name, string Kana, AccountGroup Group, BalanceSide NormalSide, string? DefaultTaxCode, string? EnglishName, int? Version = null);

public sealed record SubAccountInput(string Code, string Name, string? Kana, int? Version = null);

/// <summary>勘定科目・補助科目の管理: list (with search by code, name or reading), add, edit, retire.</summary>
public sealed class ChartOfAccounts(UrakataDbContext db, LedgerContext ledger)
{
    public async Task<List<AccountDto>> ListAsync(string? query = null, bool includeInactive = true, CancellationToken ct = default)
    {
        await ledger.LoadAsync(ct);
        var accounts = await db.Set<Account>().AsNoTracking().ToListAsync(ct);
        var subs = (await db.Set<SubAccount>().AsNoTracking().ToListAsync(ct)).ToLookup(s => s.AccountId);
        var key = JapaneseText.SearchKey(query);
        return [.. accounts
            .Where(a => includeInactive || a.IsActive)
            .Where(a => key.Length == 0 || a.Code.StartsWith(key, StringComparison.OrdinalIgnoreCase) || a.SearchKey.Contains(key, StringComparison.Ordinal))
            .OrderBy(a => a.Group).ThenBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => ToDto(a, subs[a.Id]))];
    }

    public async Task<AccountDto> CreateAsync(AccountInput input, CancellationToken ct = default)
    {
        await ledger.LoadAsync(ct);
        var account = new Account(input.Code, input.Name, input.Kana, input.Group, input.NormalSide, Blank(input.DefaultTaxCode), input.EnglishName);
        await EnsureCodeFreeAsync(account.Code, null, ct);
        db.Add(account);
        await db.SaveChangesAsync(ct);
        ledger.Reset();
        return ToDto(account, []);
    }

    public async Task<AccountDto> UpdateAsync(Guid id, AccountInput input, CancellationToken ct = default)
    {
        var account = await FindAsync(id, input.Version, ct);
        account.Update(input.Code, input.Name, input.Kana, input.Group, input.NormalSide, Blank(input.DefaultTaxCode), input.EnglishName);
        await EnsureCodeFreeAsync(account.Code, id, ct);
        await db.SaveChangesAsync(ct);
        ledger.Reset();
        return ToDto(account, await db.Set<SubAccount>().AsNoTracking().Where(s => s.AccountId == id).ToListAsync(ct));
    }

    public async Task<AccountDto> SetActiveAsync(Guid id, bool active, CancellationToken ct = default)
    {
        var account = await FindAsync(id, null, ct);
        if (active)
        {
            account.Activate();
        }
        else
        {
            account.Deactivate();
        }
        await db.SaveChangesAsync(ct);
        ledger.Reset();
        return ToDto(account, await db.Set<SubAccount>().AsNoTracking().Where(s => s.AccountId == id).ToListAsync(ct));
    }

    public async Task<SubAccountDto> AddSubAccountAsync(Guid accountId, SubAccountInput input, CancellationToken ct = default)
    {
        await FindAsync(accountId, null, ct);
        var sub = new SubAccount(accountId, input.Code, input.Name, input.Kana);
        if (await db.Set<SubAccount>().AnyAsync(s => s.AccountId == accountId && s.Code == sub.Code, ct))
        {
            throw new DomainException(AccountingMessages.CodeTaken, "code");
        }
        db.Add(sub);
        await db.SaveChangesAsync(ct);
        ledger.Reset();
        return ToDto(sub);
    }

    public async Task<SubAccountDto> UpdateSubAccountAsync(Guid id, SubAccountInput input, bool isActive, CancellationToken ct = default)
    {
        var sub = await db.Set<SubAccount>().FindOrThrowAsync(id, ct);
        var accountId = sub.AccountId;
        db.ExpectVersion(sub, input.Version);
        sub.Update(input.Code, input.Name, input.Kana);
        if (isActive)
        {
            sub.Activate();
        }
        else
        {
            sub.Deactivate();
        }
        if (await db.Set<SubAccount>().AnyAsync(s => s.AccountId == accountId && s.Code == sub.Code && s.Id != id, ct))
        {
            throw new DomainException(AccountingMessages.CodeTaken, "code");
        }
        await db.SaveChangesAsync(ct);
        ledger.Reset();
        return ToDto(sub);
    }

    private async Task<Account> FindAsync(Guid id, int? version, CancellationToken ct)
    {
        var account = await db.Set<Account>().FindOrThrowAsync(id, ct);
        db.ExpectVersion(account, version);
        return account;
    }

    private async Task EnsureCodeFreeAsync(string code, Guid? except, CancellationToken ct)
    {
        if (await db.Set<Account>().AnyAsync(a => a.Code == code && a.Id != except, ct))
        {
            throw new DomainException(AccountingMessages.CodeTaken, "code");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static AccountDto ToDto(Account a, IEnumerable<SubAccount> subs) =>
        new(a.Id, a.Code, a.Name, a.Kana, a.EnglishName, a.Group, a.Section, a.NormalSide, a.DefaultTaxCode, a.Role, a.IsActive, a.Version,
            [.. subs.OrderBy(s => s.Code, StringComparer.Ordinal).Select(ToDto)]);

    private static SubAccountDto ToDto(SubAccount s) => new(s.Id, s.Code, s.Name, s.Kana, s.IsActive, s.Version);
}
