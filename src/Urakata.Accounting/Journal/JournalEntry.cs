using System.Text.Json.Serialization;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Ledger;
using Urakata.Platform.Domain;

namespace Urakata.Accounting.Journal;

[JsonConverter(typeof(JsonStringEnumConverter<EntryKind>))]
public enum EntryKind
{
    /// <summary>通常の仕訳.</summary>
    Normal,
    /// <summary>期首残高 (entered, or carried forward by the close of the previous year); posted into period 0.</summary>
    Opening,
    /// <summary>逆仕訳: cancels an earlier entry line for line (電帳法 訂正削除履歴: the original stays).</summary>
    Reversal,
}

/// <summary>A line ready to post: resolved accounts and dimensions, one side's amount, its tax.</summary>
public sealed record PostingLine(Account Account, BalanceSide Side, long Amount, SubAccount? SubAccount = null, Guid? DepartmentId = null,
    Guid? PartnerId = null, string? TaxCode = null, decimal? TaxRate = null, long TaxAmount = 0, bool IsTaxLine = false, string? Description = null);

/// <summary>
/// 仕訳: a posted journal entry. It exists only posted — drafts are <see cref="JournalDraft"/>s — and never changes
/// afterwards: corrections are <see cref="EntryKind.Reversal"/> entries pointing at it. Posted entries are numbered
/// gap-free per fiscal year and hash-chained per company (<see cref="JournalHasher"/>).
/// </summary>
public sealed class JournalEntry : CompanyEntity, IChainedRecord
{
    private readonly List<JournalLine> _lines = [];

    private JournalEntry() { }

    public int FiscalYear { get; private set; }
    /// <summary>0 = 期首残高, 1–12 = the months of the fiscal year.</summary>
    public int Period { get; private set; }
    public DateOnly Date { get; private set; }
    /// <summary>伝票番号, gap-free per company and fiscal year.</summary>
    public long Number { get; private set; }
    public EntryKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public Guid? ReversalOf { get; private set; }
    /// <summary>Where the entry came from (manual, import, recurring, a module) and a key that makes repeat posting idempotent.</summary>
    public string Source { get; private set; } = "manual";
    public string? SourceKey { get; private set; }
    public DateTime PostedAt { get; private set; }
    public Guid? PostedBy { get; private set; }
    public string PostedByName { get; private set; } = "";
    /// <summary>Position in the company's journal hash chain (1, 2, 3…).</summary>
    public long ChainSequence { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    /// <summary>取引金額: Σ借方 (= Σ貸方), stored for the 電帳法 amount-range search.</summary>
    public long TotalAmount { get; private set; }

    public IReadOnlyList<JournalLine> Lines => _lines;

    /// <summary>
    /// 転記: the posting rules. At least two lines, every amount positive, Σ借方 = Σ貸方 exactly, only active accounts,
    /// a date inside <paramref name="year"/> and an open period. Nothing about numbering or the chain: the posting
    /// service seals the entry inside its transaction.
    /// </summary>
    public static JournalEntry Create(FiscalYear year, DateOnly date, EntryKind kind, string? description, IReadOnlyList<PostingLine> lines,
        string source = "manual", string? sourceKey = null, Guid? reversalOf = null)
    {
        var period = kind == EntryKind.Opening ? Ledger.FiscalYear.OpeningPeriod : year.PeriodOf(date);
        if (kind == EntryKind.Opening && date != year.StartDate)
        {
            throw new DomainException(AccountingMessages.OpeningDateMustBeStart, "date");
        }
        if (kind != EntryKind.Opening && !year.Contains(date))
        {
            throw new DomainException(AccountingMessages.DateOutsideFiscalYear, "date");
        }
        year.EnsureOpenFor(period);
        var errors = new Dictionary<string, string[]>();
        if (lines.Count < 2)
        {
            errors["lines"] = [AccountingMessages.EntryNeedsTwoLines];
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Amount <= 0)
            {
                errors[$"lines[{i}].amount"] = [AccountingMessages.AmountMustBePositive];
            }
            if (!line.Account.IsActive)
            {
                errors[$"lines[{i}].account"] = [AccountingMessages.AccountInactive];
            }
            if (line.SubAccount is { } sub && (sub.AccountId != line.Account.Id || !sub.IsActive))
            {
                errors[$"lines[{i}].subAccount"] = [AccountingMessages.SubAccountInvalid];
            }
        }
        var debit = lines.Where(l => l.Side == BalanceSide.Debit).Sum(l => l.Amount);
        var credit = lines.Where(l => l.Side == BalanceSide.Credit).Sum(l => l.Amount);
        if (errors.Count == 0 && debit != credit)
        {
            errors["lines"] = [AccountingMessages.EntryUnbalanced(debit, credit)];
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        description = (description ?? "").Trim();
        if (description.Length > 200)
        {
            throw new DomainException(AccountingMessages.DescriptionTooLong, "description");
        }
        var entry = new JournalEntry
        {
            CompanyId = year.CompanyId,
            FiscalYear = year.Year,
            Period = period,
            Date = date,
            Kind = kind,
            Description = description,
            ReversalOf = reversalOf,
            Source = source,
            SourceKey = sourceKey,
            TotalAmount = debit,
        };
        var no = 0;
        foreach (var l in lines)
        {
            entry._lines.Add(new JournalLine(entry, ++no, l, string.IsNullOrWhiteSpace(l.Description) ? description : l.Description.Trim()));
        }
        return entry;
    }

    /// <summary>逆仕訳: the same lines with debit and credit swapped, dated <paramref name="date"/> in <paramref name="year"/>.</summary>
    public JournalEntry Reverse(FiscalYear year, DateOnly date, IReadOnlyDictionary<Guid, Account> accounts, IReadOnlyDictionary<Guid, SubAccount> subAccounts, string? reason)
    {
        if (Kind == EntryKind.Reversal)
        {
            throw new ConflictException(AccountingMessages.CannotReverseReversal);
        }
        var text = string.IsNullOrWhiteSpace(reason) ? AccountingMessages.ReversalDescription(Number, Description) : reason.Trim();
        var mirrored = _lines.Select(l => new PostingLine(accounts[l.AccountId], l.Debit > 0 ? BalanceSide.Credit : BalanceSide.Debit, l.Amount,
            l.SubAccountId is { } s ? subAccounts[s] : null, l.DepartmentId, l.PartnerId, l.TaxCode, l.TaxRate, l.TaxAmount, l.IsTaxLine, l.Description)).ToList();
        return Create(year, Kind == EntryKind.Opening ? year.StartDate : date, Kind == EntryKind.Opening ? EntryKind.Opening : EntryKind.Reversal,
            text.Length > 200 ? text[..200] : text, mirrored, "reversal", null, Id);
    }

    /// <summary>Number, chain position and hash, given inside the posting transaction; after this the entry never changes.</summary>
    internal void Seal(long number, long chainSequence, string previousHash, DateTime postedAt, Guid? postedBy, string postedByName)
    {
        if (Hash.Length > 0)
        {
            throw new InvalidOperationException("A posted entry is sealed once.");
        }
        Number = number;
        ChainSequence = chainSequence;
        PreviousHash = previousHash;
        // Millisecond precision: PostgreSQL keeps microseconds, and the hash must survive the round trip.
        PostedAt = new DateTime(postedAt.Ticks - postedAt.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        PostedBy = postedBy;
        PostedByName = postedByName;
        foreach (var line in _lines)
        {
            line.EntryNumber = number;
        }
        Hash = JournalHasher.Compute(this);
    }
}

/// <summary>仕訳の明細行: one side of an entry with its account, dimensions (補助科目, 部門, 取引先) and tax.</summary>
public sealed class JournalLine : IChainedRecord, ICompanyOwned
{
    private JournalLine() { }

    internal JournalLine(JournalEntry entry, int lineNo, PostingLine line, string description)
    {
        EntryId = entry.Id;
        CompanyId = entry.CompanyId;
        LineNo = lineNo;
        FiscalYear = entry.FiscalYear;
        Period = entry.Period;
        Date = entry.Date;
        AccountId = line.Account.Id;
        SubAccountId = line.SubAccount?.Id;
        DepartmentId = line.DepartmentId;
        PartnerId = line.PartnerId;
        Debit = line.Side == BalanceSide.Debit ? line.Amount : 0;
        Credit = line.Side == BalanceSide.Credit ? line.Amount : 0;
        TaxCode = line.TaxCode;
        TaxRate = line.TaxRate;
        TaxAmount = line.TaxAmount;
        IsTaxLine = line.IsTaxLine;
        Description = description.Length > 200 ? description[..200] : description;
    }

    public Guid EntryId { get; private set; }
    public int LineNo { get; private set; }
    /// <summary>The entry's number, copied so the 元帳 sorts by date and number from the line index alone.</summary>
    public long EntryNumber { get; internal set; }
    public Guid CompanyId { get; private set; }
    public int FiscalYear { get; private set; }
    public int Period { get; private set; }
    public DateOnly Date { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid? SubAccountId { get; private set; }
    public Guid? DepartmentId { get; private set; }
    public Guid? PartnerId { get; private set; }
    public long Debit { get; private set; }
    public long Credit { get; private set; }
    public string? TaxCode { get; private set; }
    public decimal? TaxRate { get; private set; }
    /// <summary>
    /// The consumption tax belonging to this line: under 税抜経理 the amount of the 仮払/仮受消費税 line split from it,
    /// under 税込経理 the tax contained in <see cref="Amount"/>. Its sign follows the line's side.
    /// </summary>
    public long TaxAmount { get; private set; }
    /// <summary>The 仮払/仮受消費税等 line the tax split produced (not an amount the user typed).</summary>
    public bool IsTaxLine { get; private set; }
    public string Description { get; private set; } = "";

    public long Amount => Debit + Credit;
}
