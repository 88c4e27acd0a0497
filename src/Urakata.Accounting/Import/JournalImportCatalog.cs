using Urakata.Accounting.Ledger;
using Urakata.Platform.Kernel;

namespace Urakata.Accounting.Import;

/// <summary>
/// What a journal import checks its rows against: the company's accounts, sub-accounts, departments and partners, by
/// code (<see cref="GenericJournalCsv"/>) or by name (<see cref="YayoiJournalFormat"/>: 弥生 files carry names, not codes).
/// Lookups are NFKC-normalised, so full-width and half-width forms match.
/// </summary>
public interface IJournalImportCatalog
{
    /// <summary>The code of the account with this name, or null.</summary>
    string? AccountCodeByName(string name);

    /// <summary>The code of the sub-account of <paramref name="accountCode"/> with this name, or null.</summary>
    string? SubAccountCodeByName(string accountCode, string name);

    /// <summary>The code of the department with this name, or null.</summary>
    string? DepartmentCodeByName(string name);

    bool HasAccount(string code);

    bool HasSubAccount(string accountCode, string code);

    bool HasDepartment(string code);

    bool HasPartner(string code);
}

/// <summary>An <see cref="IJournalImportCatalog"/> over lists in memory (the chart is small: load it once per import).</summary>
public sealed class JournalImportCatalog : IJournalImportCatalog
{
    public sealed record Item(string Code, string Name);

    public sealed record SubItem(string AccountCode, string Code, string Name);

    private readonly Dictionary<string, string> _accountsByName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Account, string Name), string> _subAccountsByName = [];
    private readonly HashSet<(string Account, string Code)> _subAccounts = [];
    private readonly Dictionary<string, string> _departmentsByName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _departments = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _partners = new(StringComparer.OrdinalIgnoreCase);

    public JournalImportCatalog(IEnumerable<Item> accounts, IEnumerable<SubItem> subAccounts, IEnumerable<Item> departments, IEnumerable<string> partnerCodes)
    {
        foreach (var a in accounts)
        {
            _accounts.Add(Key(a.Code));
            _accountsByName.TryAdd(Key(a.Name), a.Code);
        }
        foreach (var s in subAccounts)
        {
            var account = Key(s.AccountCode).ToUpperInvariant();
            _subAccounts.Add((account, Key(s.Code).ToUpperInvariant()));
            _subAccountsByName.TryAdd((account, Key(s.Name)), s.Code);
        }
        foreach (var d in departments)
        {
            _departments.Add(Key(d.Code));
            _departmentsByName.TryAdd(Key(d.Name), d.Code);
        }
        _partners.UnionWith(partnerCodes.Select(Key));
    }

    /// <summary>The company's chart as <see cref="LedgerContext"/> loaded it, with its departments and partner codes.</summary>
    public static JournalImportCatalog FromLedger(LedgerContext.Loaded ledger, IEnumerable<Item> departments, IEnumerable<string> partnerCodes) =>
        new(ledger.Accounts.Values.Select(a => new Item(a.Code, a.Name)),
            ledger.SubAccounts.Values.Select(s => new SubItem(ledger.Accounts[s.AccountId].Code, s.Code, s.Name)),
            departments, partnerCodes);

    /// <summary>
    /// Lets a 弥生 account name that differs from ours (「支払手数料」 there, 「支払手数料(振込)」 here) resolve to
    /// <paramref name="code"/>.
    /// </summary>
    public JournalImportCatalog WithAccountAlias(string yayoiName, string code)
    {
        _accountsByName[Key(yayoiName)] = code;
        return this;
    }

    public string? AccountCodeByName(string name) => _accountsByName.GetValueOrDefault(Key(name));

    public string? SubAccountCodeByName(string accountCode, string name) =>
        _subAccountsByName.GetValueOrDefault((Key(accountCode).ToUpperInvariant(), Key(name)));

    public string? DepartmentCodeByName(string name) => _departmentsByName.GetValueOrDefault(Key(name));

    public bool HasAccount(string code) => _accounts.Contains(Key(code));

    public bool HasSubAccount(string accountCode, string code) => _subAccounts.Contains((Key(accountCode).ToUpperInvariant(), Key(code).ToUpperInvariant()));

    public bool HasDepartment(string code) => _departments.Contains(Key(code));

    public bool HasPartner(string code) => _partners.Contains(Key(code));

    private static string Key(string text) => JapaneseText.Narrow(text);
}
