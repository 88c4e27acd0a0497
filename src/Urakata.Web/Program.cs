using Urakata.Web;
using Urakata.Web.Cli;

// One executable: `urakata` (serve), `urakata migrate`, `urakata seed-demo`, `urakata verify`,
// `urakata backup FILE`, `urakata restore FILE`, `urakata create-admin …`, `urakata import journal FILE --company NAME`.
var (verb, rest) = args is [var first, .. var tail] && !first.StartsWith('-') ? (first, tail) : ("serve", args);
return verb switch
{
    "serve" => await UrakataApp.ServeAsync(rest),
    "migrate" or "seed-demo" or "verify" or "backup" or "restore" or "create-admin" or "import" => await CliVerbs.RunAsync(verb, rest),
    "help" or "--help" => CliVerbs.Help(),
    _ => CliVerbs.Unknown(verb),
};
