using System.Net;
using System.Text.RegularExpressions;

namespace Urakata.Tests.Infrastructure;

/// <summary>Posts the app's server-rendered forms the way a browser does: antiforgery token from the page, cookies kept.</summary>
public static partial class BrowserForms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageWithToken, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageWithToken);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(page).Groups[1].Value);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password) =>
        PostAsync(client, "/account/login", "/account/login", new()
        {
            ["_handler"] = "login",
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
