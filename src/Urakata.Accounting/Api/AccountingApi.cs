using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Urakata.Accounting.Api;

/// <summary>/api/v1/accounting: the ledger over HTTP.</summary>
internal static class AccountingApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/accounting").WithTags("Accounting");
        _ = group;
    }
}
