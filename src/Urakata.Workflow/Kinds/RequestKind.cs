using Urakata.Platform.Domain;
using Urakata.Workflow.Forms;

namespace Urakata.Workflow.Kinds;

/// <summary>One published version of an administrator-defined form.</summary>
public sealed record FormVersion(int Version, FormDefinition Definition, DateTime PublishedAt);

/// <summary>
/// A request kind an administrator defined without code (e.g. 名刺作成申請). Publishing a form adds a version;
/// requests keep the version they were created with.
/// </summary>
public sealed class RequestKind : CompanyEntity
{
    private readonly List<FormVersion> _forms = [];

    private RequestKind()
    {
        Code = Name = NameEn = NumberPrefix = "";
    }

    public RequestKind(Guid companyId, string code, string name, string? nameEn, string numberPrefix)
    {
        CompanyId = companyId;
        Code = CleanCode(code);
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException(WorkflowMessages.Format(WorkflowMessages.FieldRequired, "Name"), nameof(Name)) : name.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? Name : nameEn.Trim();
        NumberPrefix = CleanPrefix(numberPrefix);
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public string NameEn { get; private set; }
    public string NumberPrefix { get; private set; }
    public bool IsActive { get; private set; } = true;
    public IReadOnlyList<FormVersion> Forms => _forms;
    public int CurrentFormVersion => _forms.Count;

    public FormDefinition Form(int version) =>
        _forms.Find(f => f.Version == version)?.Definition ?? throw new NotFoundException("Form version");

    /// <summary>Checks the form and adds it as the next version.</summary>
    public FormVersion PublishForm(FormDefinition form, DateTime now)
    {
        form.EnsureValid();
        var version = new FormVersion(_forms.Count + 1, form, now);
        _forms.Add(version);
        return version;
    }

    public void Rename(string name, string? nameEn)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException(WorkflowMessages.Format(WorkflowMessages.FieldRequired, "Name"), nameof(Name)) : name.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? Name : nameEn.Trim();
    }

    public void SetActive(bool active) => IsActive = active;

    private static string CleanCode(string code) =>
        !string.IsNullOrWhiteSpace(code) && code.Length <= 40 && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? code : throw new DomainException(WorkflowMessages.Format(WorkflowMessages.FormKeyInvalid, code), nameof(Code));

    private static string CleanPrefix(string prefix) =>
        !string.IsNullOrWhiteSpace(prefix) && prefix.Length <= 6 && prefix.All(char.IsAsciiLetterUpper)
            ? prefix : throw new DomainException(WorkflowMessages.Format(WorkflowMessages.PrefixInvalid, prefix), nameof(NumberPrefix));
}
