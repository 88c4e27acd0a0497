using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Urakata.Platform.Audit;
using Urakata.Platform.Data;
using Urakata.Platform.Domain;
using Urakata.Platform.Features;
using Urakata.Platform.Security;

namespace Urakata.People.Employees;

/// <summary>
/// The only way to a マイナンバー (番号法: 特定個人情報 — access limited to those who handle it, every use traceable). Storing
/// and reading both need <see cref="PeoplePermissions.MyNumberView"/>; a read needs a reason and is written to the audit log
/// with it, in the same transaction, before the number is handed out. Encrypted with a protector of its own purpose, so a
/// key ring shared with cookies or tokens cannot be used to read it elsewhere.
/// </summary>
public sealed class MyNumberVault(UrakataDbContext db, IDataProtectionProvider protection, PermissionService permissions, AuditLog audit)
{
    public const string Purpose = "Urakata.People.MyNumber.v1";

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>The employee's マイナンバー, after the read is audited with <paramref name="reason"/> (e.g. 源泉徴収票の作成).</summary>
    public async Task<string> RevealAsync(Guid employeeId, string? reason, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PeoplePermissions.MyNumberView, ct);
        var employee = await db.Set<Employee>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct)
            ?? throw new NotFoundException(nameof(Employee));
        var why = reason?.Trim() ?? "";
        if (why.Length is < 2 or > 200)
        {
            throw new DomainException(PeopleMessages.MyNumberReasonRequired, "reason");
        }
        if (employee.MyNumberProtected is not { } protectedNumber)
        {
            throw new DomainException(PeopleMessages.MyNumberNotRegistered, Employee.Fields.MyNumber);
        }
        var number = Protector.Unprotect(protectedNumber);
        await db.InTransactionAsync(async t =>
            await audit.RecordAsync(nameof(Employee), employeeId.ToString("D"), AuditAction.Accessed,
                [new FieldChange(Employee.Fields.MyNumber, null, null)], why, t), ct);
        return number;
    }

    /// <summary>Stores (or, with null, removes) the employee's マイナンバー after checking its check digit.</summary>
    public async Task SetAsync(Guid employeeId, string? number, int? version, CancellationToken ct = default)
    {
        await permissions.RequireAsync(PeoplePermissions.MyNumberView, ct);
        await permissions.RequireAsync(PeoplePermissions.EmployeesManage, ct);
        var employee = await db.Set<Employee>().FindOrThrowAsync(employeeId, ct);
        db.ExpectVersion(employee, version);
        employee.SetMyNumber(number, Protector.Protect);
        await db.SaveChangesAsync(ct);
    }
}
