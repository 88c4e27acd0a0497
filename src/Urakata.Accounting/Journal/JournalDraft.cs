using Urakata.Platform.Domain;

namespace Urakata.Accounting.Journal;

/// <summary>下書き: an entry being prepared. Editable and deletable, never in a book; posting turns it into a <see cref="JournalEntry"/>.</summary>
public sealed class JournalDraft : CompanyEntity
{
    private List<JournalLineInput> _lines = [];

    private JournalDraft() { }

    public JournalDraft(Guid? createdBy, JournalEntryInput input)
    {
        CreatedBy = createdBy;
        Update(input);
    }

    public Guid? CreatedBy { get; private set; }
    public DateOnly Date { get; private set; }
    public string Description { get; private set; } = "";
    public IReadOnlyList<JournalLineInput> Lines => _lines;

    public JournalEntryInput ToInput() => new(Date, Description, _lines);

    public void Update(JournalEntryInput input)
    {
        var description = (input.Description ?? "").Trim();
        if (description.Length > 200)
        {
            throw new DomainException(AccountingMessages.DescriptionTooLong, "description");
        }
        if (input.Lines.Count > 200)
        {
            throw new DomainException(AccountingMessages.TooManyLines, "lines");
        }
        Date = input.Date;
        Description = description;
        _lines = [.. input.Lines];
    }
}

/// <summary>証憑: a stored file (領収書, 請求書…) attached to a posted entry. Attaching never changes the entry itself.</summary>
public sealed class EntryEvidence : ICompanyOwned
{
    private EntryEvidence() { }

    public EntryEvidence(Guid companyId, Guid entryId, Guid fileId, DateTime attachedAt, Guid? attachedBy)
    {
        CompanyId = companyId;
        EntryId = entryId;
        FileId = fileId;
        AttachedAt = attachedAt;
        AttachedBy = attachedBy;
    }

    public Guid CompanyId { get; private set; }
    public Guid EntryId { get; private set; }
    public Guid FileId { get; private set; }
    public DateTime AttachedAt { get; private set; }
    public Guid? AttachedBy { get; private set; }
}

/// <summary>The head of a company's journal hash chain: the last sequence and hash, locked while an entry is sealed.</summary>
public sealed class JournalChainHead
{
    public Guid CompanyId { get; set; }
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = "";
}
