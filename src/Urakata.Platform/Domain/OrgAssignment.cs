namespace Urakata.Platform.Domain;

/// <summary>
/// An effective-dated post: a user in a department, optionally with a position, from
/// <see cref="EffectiveFrom"/> to <see cref="EffectiveTo"/> (both inclusive; open-ended when null).
/// A person may hold several at once (兼務); exactly one should be the primary post (本務).
/// </summary>
public sealed class OrgAssignment : CompanyEntity
{
    private OrgAssignment() { }

    public OrgAssignment(Guid companyId, Guid userId, Guid departmentId, Guid? positionId,
        DateOnly effectiveFrom, DateOnly? effectiveTo, bool isPrimary)
    {
        CompanyId = companyId;
        UserId = userId;
        Change(departmentId, positionId, effectiveFrom, effectiveTo, isPrimary);
    }

    private void OnChanged() =>
        Raise(new OrgAssignmentChanged(Id, UserId, DepartmentId, PositionId, EffectiveFrom, EffectiveTo, IsPrimary));

    public Guid UserId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public Guid? PositionId { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public DateOnly? EffectiveTo { get; private set; }
    /// <summary>本務 (true) or 兼務 (false).</summary>
    public bool IsPrimary { get; private set; }

    public bool IsEffectiveOn(DateOnly date) =>
        EffectiveFrom <= date && (EffectiveTo is null || date <= EffectiveTo);

    public void Change(Guid departmentId, Guid? positionId, DateOnly effectiveFrom, DateOnly? effectiveTo, bool isPrimary)
    {
        if (effectiveTo is { } to && to < effectiveFrom)
        {
            throw new DomainException(Messages.EffectiveRangeInvalid, nameof(EffectiveTo));
        }
        DepartmentId = departmentId;
        PositionId = positionId;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        IsPrimary = isPrimary;
        OnChanged();
    }

    /// <summary>Ends the post on <paramref name="lastDay"/> (異動: the old post ends, a new one starts the next day).</summary>
    public void EndOn(DateOnly lastDay)
    {
        if (lastDay < EffectiveFrom)
        {
            throw new DomainException(Messages.EffectiveRangeInvalid, nameof(EffectiveTo));
        }
        EffectiveTo = lastDay;
        OnChanged();
    }
}

/// <summary>A post was created or changed; HR, payroll and the approval engine react to it (異動).</summary>
public sealed record OrgAssignmentChanged(Guid AssignmentId, Guid UserId, Guid DepartmentId, Guid? PositionId,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool IsPrimary) : IDomainEvent;
