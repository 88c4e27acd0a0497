using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Urakata.Accounting.Accounts;
using Urakata.Accounting.Journal;
using Urakata.Accounting.Ledger;
using Urakata.Accounting.Partners;
using Urakata.Accounting.Tax;
using Urakata.Platform.Data;

namespace Urakata.Accounting.Data;

/// <summary><c>acc_accounts</c> and <c>acc_sub_accounts</c>: the chart of accounts.</summary>
internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>, IEntityTypeConfiguration<SubAccount>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.ToTable("acc_accounts");
        b.Property(a => a.Code).HasMaxLength(10);
        b.Property(a => a.Name).HasMaxLength(40);
        b.Property(a => a.Kana).HasMaxLength(80);
        b.Property(a => a.SearchKey).HasMaxLength(160);
        b.Property(a => a.EnglishName).HasMaxLength(80);
        b.Property(a => a.DefaultTaxCode).HasMaxLength(12);
        b.HasIndex(a => new { a.CompanyId, a.Code }).IsUnique();
        b.Ignore(a => a.Section);
    }

    public void Configure(EntityTypeBuilder<SubAccount> b)
    {
        b.ToTable("acc_sub_accounts");
        b.Property(a => a.Code).HasMaxLength(10);
        b.Property(a => a.Name).HasMaxLength(40);
        b.Property(a => a.Kana).HasMaxLength(80);
        b.Property(a => a.SearchKey).HasMaxLength(160);
        b.HasIndex(a => new { a.CompanyId, a.AccountId, a.Code }).IsUnique();
        b.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary><c>acc_partners</c>: 取引先.</summary>
internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> b)
    {
        b.ToTable("acc_partners");
        b.Property(p => p.Code).HasMaxLength(20);
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Kana).HasMaxLength(200);
        b.Property(p => p.SearchKey).HasMaxLength(300);
        b.Property(p => p.CorporateNumber).HasMaxLength(13);
        b.Property(p => p.InvoiceRegistrationNumber).HasMaxLength(14);
        b.HasIndex(p => new { p.CompanyId, p.Code }).IsUnique();
        b.HasIndex(p => new { p.CompanyId, p.InvoiceRegistrationNumber });
    }
}

/// <summary><c>acc_tax_rates</c> and <c>acc_transitional_credit_rates</c>: effective-dated law, seeded with the statutory rates.</summary>
internal sealed class TaxRateConfiguration : IEntityTypeConfiguration<TaxRate>, IEntityTypeConfiguration<TransitionalCreditRate>
{
    public void Configure(EntityTypeBuilder<TaxRate> b)
    {
        b.ToTable("acc_tax_rates");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Rate).HasPrecision(9, 6);
        b.Property(r => r.NationalRate).HasPrecision(9, 6);
        b.HasData(StatutoryRates.Rates);
    }

    public void Configure(EntityTypeBuilder<TransitionalCreditRate> b)
    {
        b.ToTable("acc_transitional_credit_rates");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Share).HasPrecision(9, 6);
        b.Property(r => r.Source).HasMaxLength(200);
        b.HasData(StatutoryRates.Transitional);
    }
}

/// <summary><c>acc_settings</c> and <c>acc_fiscal_years</c>.</summary>
internal sealed class LedgerConfiguration : IEntityTypeConfiguration<LedgerSettings>, IEntityTypeConfiguration<FiscalYear>, IEntityTypeConfiguration<LedgerBalance>
{
    public void Configure(EntityTypeBuilder<LedgerSettings> b)
    {
        b.ToTable("acc_settings");
        b.HasIndex(s => s.CompanyId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<FiscalYear> b)
    {
        b.ToTable("acc_fiscal_years");
        b.HasIndex(y => new { y.CompanyId, y.Year }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<LedgerBalance> b)
    {
        b.ToTable("acc_balances");
        b.HasKey(x => new { x.CompanyId, x.FiscalYear, x.Period, x.AccountId, x.SubAccountId, x.DepartmentId });
    }
}

/// <summary><c>acc_journal_entries</c>, <c>acc_journal_lines</c>, the chain head, drafts and evidence.</summary>
internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalEntry>, IEntityTypeConfiguration<JournalLine>,
    IEntityTypeConfiguration<JournalChainHead>, IEntityTypeConfiguration<JournalDraft>, IEntityTypeConfiguration<EntryEvidence>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.ToTable("acc_journal_entries");
        b.Property(e => e.Description).HasMaxLength(200);
        b.Property(e => e.Source).HasMaxLength(40);
        b.Property(e => e.SourceKey).HasMaxLength(100);
        b.Property(e => e.PostedByName).HasMaxLength(100);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.CompanyId, e.FiscalYear, e.Number }).IsUnique();
        b.HasIndex(e => new { e.CompanyId, e.ChainSequence }).IsUnique();
        b.HasIndex(e => new { e.CompanyId, e.Date });
        // One reversal per entry, and one posting per source key (a recurring month, an approved claim): enforced by the database.
        b.HasIndex(e => new { e.CompanyId, e.ReversalOf }).IsUnique().HasFilter("reversal_of IS NOT NULL");
        b.HasIndex(e => new { e.CompanyId, e.Source, e.SourceKey }).IsUnique().HasFilter("source_key IS NOT NULL");
        b.HasMany(e => e.Lines).WithOne().HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(e => e.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(e => new { e.CompanyId, e.TotalAmount });
    }

    public void Configure(EntityTypeBuilder<JournalLine> b)
    {
        b.ToTable("acc_journal_lines");
        b.HasKey(l => new { l.EntryId, l.LineNo });
        b.Property(l => l.TaxCode).HasMaxLength(12);
        b.Property(l => l.TaxRate).HasPrecision(9, 6);
        b.Property(l => l.Description).HasMaxLength(200);
        b.Ignore(l => l.Amount);
        // 総勘定元帳: one account's lines in date order, read through this index (and its page boundaries).
        b.HasIndex(l => new { l.CompanyId, l.AccountId, l.Date, l.EntryNumber, l.LineNo });
        b.HasIndex(l => new { l.CompanyId, l.PartnerId, l.Date });
        b.HasIndex(l => new { l.CompanyId, l.FiscalYear, l.TaxCode });
    }

    public void Configure(EntityTypeBuilder<JournalChainHead> b)
    {
        b.ToTable("acc_journal_chains");
        b.HasKey(h => h.CompanyId);
        b.Property(h => h.LastHash).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<JournalDraft> b)
    {
        b.ToTable("acc_journal_drafts");
        b.Property(d => d.Description).HasMaxLength(200);
        b.JsonList<JournalDraft, JournalLineInput>("_lines", "lines");
        b.Ignore(d => d.Lines);
        b.HasIndex(d => new { d.CompanyId, d.CreatedBy });
    }

    public void Configure(EntityTypeBuilder<EntryEvidence> b)
    {
        b.ToTable("acc_entry_evidence");
        b.HasKey(e => new { e.EntryId, e.FileId });
        b.HasIndex(e => new { e.CompanyId, e.FileId });
    }
}

/// <summary><c>acc_recurring_entries</c>: 定期仕訳 templates (lines as JSON).</summary>
internal sealed class RecurringEntryConfiguration : IEntityTypeConfiguration<Recurring.RecurringEntry>
{
    public void Configure(EntityTypeBuilder<Recurring.RecurringEntry> b)
    {
        b.ToTable("acc_recurring_entries");
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Description).HasMaxLength(200);
        b.Property(r => r.LastError).HasMaxLength(400);
        b.JsonList<Recurring.RecurringEntry, JournalLineInput>("_lines", "lines");
        b.Ignore(r => r.Lines);
        b.HasIndex(r => new { r.CompanyId, r.IsActive });
    }
}
