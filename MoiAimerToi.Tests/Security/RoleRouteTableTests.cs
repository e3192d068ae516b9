using System.Net;
using System.Text;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Sharing;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Tests.Security;

/// <summary>
/// The role × route table of docs/security.md, each row a test: every page handler and endpoint the site maps, as each
/// kind of person asks for it, on a Public and on a Private site. A route the table does not list fails
/// <see cref="Every_Route_Has_Its_Row_And_The_Docs_Show_The_Same_Table"/>.
/// </summary>
public class RoleRouteTableTests(RoleRouteTableTests.Site site) : IClassFixture<RoleRouteTableTests.Site>
{
    /// <summary>The people of the table's columns, in order.</summary>
    public static readonly string[] Roles = ["visitor", "guest", "partner 1", "partner 2", "API key", "share-link viewer"];

    // o: let through (any answer but the four below: a page, a form error, 400 for an empty body, 404 for an unknown id);
    // L: sent to the sign-in page; 401; 403; 404 (a file or a share link, answered as if it did not exist).
    // Public then Private, one letter per role, visitor first. The share-link viewer holds an open link (its password
    // given) and asks for /s/… with it; everyone else asks for /s/… with a token that opens nothing.
    private static readonly Dictionary<string, (string Public, string Private)> Table = new()
    {
        ["GET /"] = ("oooooo", "LoooLL"),
        ["GET /?handler=EditMessage"] = ("L3ooLL", "L3ooLL"),
        ["GET /?handler=EditStartDate"] = ("L3ooLL", "L3ooLL"),
        ["GET /?handler=ShowCounter"] = ("oooooo", "LoooLL"),
        ["GET /?handler=ShowMessage"] = ("oooooo", "LoooLL"),
        ["POST /?handler=SaveMessage"] = ("L3ooLL", "L3ooLL"),
        ["POST /?handler=SaveStartDate"] = ("L3ooLL", "L3ooLL"),
        ["GET /story"] = ("oooooo", "LoooLL"),
        ["GET /story?handler=Edit"] = ("L3ooLL", "L3ooLL"),
        ["GET /story?handler=Show"] = ("oooooo", "LoooLL"),
        ["POST /story?handler=Save"] = ("L3ooLL", "L3ooLL"),
        ["GET /future"] = ("oooooo", "LoooLL"),
        ["GET /future?handler=Edit"] = ("L3o3LL", "L3o3LL"),
        ["GET /future?handler=Show"] = ("oooooo", "LoooLL"),
        ["POST /future?handler=Save"] = ("L3o3LL", "L3o3LL"),
        ["GET /future/dreams"] = ("L3ooLL", "L3ooLL"), // A redirect to /future.
        ["POST /future/dreams?handler=Add"] = ("L3ooLL", "L3ooLL"), // Without a title: the list, with the error.
        ["POST /future/dreams?handler=Save"] = ("L3ooLL", "L3ooLL"), // An unknown dream: 404.
        ["POST /future/dreams?handler=Move"] = ("L3ooLL", "L3ooLL"),
        ["POST /future/dreams?handler=Done"] = ("L3ooLL", "L3ooLL"),
        ["POST /future/dreams?handler=Undo"] = ("L3ooLL", "L3ooLL"),
        ["POST /future/dreams?handler=Delete"] = ("L3ooLL", "L3ooLL"),
        ["POST /future/dreams?handler=MakeMemory"] = ("L3ooLL", "L3ooLL"),
        ["GET /memories"] = ("oooooo", "LoooLL"),
        ["GET /memories/{id:int}"] = ("oooooo", "LoooLL"),
        ["GET /memories/{id:int}?handler=Album"] = ("oooooo", "LoooLL"),
        ["GET /memories/{id:int}?handler=AlbumEditor"] = ("L3ooLL", "L3ooLL"),
        ["POST /memories/{id:int}?handler=SaveSide"] = ("L3ooLL", "L3ooLL"), // Empty: the form again, with its error.
        ["POST /memories/{id:int}?handler=MoveMedia"] = ("L3ooLL", "L3ooLL"),
        ["POST /memories/{id:int}?handler=CoverMedia"] = ("L3ooLL", "L3ooLL"),
        ["POST /memories/{id:int}?handler=OrderMedia"] = ("L3ooLL", "L3ooLL"),
        ["POST /memories/{id:int}?handler=RemoveMedia"] = ("L3ooLL", "L3ooLL"), // An unknown medium: the album again, nothing removed.
        ["POST /memories/{id:int}?handler=RetryMedia"] = ("L3ooLL", "L3ooLL"), // A photo is no failed video: the album again, nothing changed.
        ["POST /memories/{id:int}/media"] = ("L3ooLL", "L3ooLL"), // No file: 400.
        ["GET /memories/{id:int}/media/{mediaId:int}/original"] = ("L3ooLL", "L3ooLL"),
        ["GET /memories?handler=Card"] = ("oooooo", "LoooLL"),
        ["GET /memories?handler=Items"] = ("oooooo", "LoooLL"),
        ["GET /memories?handler=Edit"] = ("L3ooLL", "L3ooLL"),
        ["GET /memories?handler=ConfirmDelete"] = ("L3ooLL", "L3ooLL"),
        ["POST /memories?handler=Create"] = ("L3ooLL", "L3ooLL"),
        ["POST /memories?handler=Save"] = ("L3ooLL", "L3ooLL"),
        ["POST /memories?handler=Delete"] = ("L3ooLL", "L3ooLL"),
        ["GET /calendar"] = ("oooooo", "LoooLL"),
        ["GET /calendar?handler=Body"] = ("oooooo", "LoooLL"),
        ["GET /calendar?handler=EditDate"] = ("L3ooLL", "L3ooLL"), // An unknown date: 404.
        ["POST /calendar?handler=AddDate"] = ("L3ooLL", "L3ooLL"), // Without a title: the form again, with its error.
        ["POST /calendar?handler=SaveDate"] = ("L3ooLL", "L3ooLL"),
        ["POST /calendar?handler=DeleteDate"] = ("L3ooLL", "L3ooLL"),
        ["POST /calendar?handler=Monthsaries"] = ("L3ooLL", "L3ooLL"),
        ["GET /calendar/{secret}.ics"] = ("444444", "444444"), // A made-up secret; RememberingTests: a partner's own.
        ["GET /widget/{secret}"] = ("444444", "444444"),
        ["GET /letters"] = ("L3ooLL", "L3ooLL"),
        ["POST /letters?handler=Write"] = ("L3ooLL", "L3ooLL"), // Empty: the form again, with its errors.
        ["POST /letters?handler=Save"] = ("L3ooLL", "L3ooLL"), // An unknown letter: 404.
        ["POST /letters?handler=Delete"] = ("L3ooLL", "L3ooLL"),
        ["GET /letters/{id:int}"] = ("L3ooLL", "L3ooLL"), // Not a letter of theirs: 404 (LettersTests: a sealed one too).
        ["GET /data"] = ("L3ooLL", "L3ooLL"),
        ["GET /data?handler=Download"] = ("L3ooLL", "L3ooLL"),
        ["GET /data?handler=ConfirmImport"] = ("L3ooLL", "L3ooLL"),
        ["GET /data?handler=CancelImport"] = ("L3ooLL", "L3ooLL"),
        ["POST /data?handler=Import"] = ("L3ooLL", "L3ooLL"),
        ["GET /settings"] = ("L3ooLL", "L3ooLL"),
        ["POST /settings?handler=Visibility"] = ("L3ooLL", "L3ooLL"),
        ["POST /settings?handler=Invite"] = ("L3ooLL", "L3ooLL"),
        ["POST /settings?handler=RevokeInvite"] = ("L3ooLL", "L3ooLL"),
        ["POST /settings?handler=RemoveGuest"] = ("L3ooLL", "L3ooLL"),
        ["POST /settings?handler=Share"] = ("L3ooLL", "L3ooLL"),
        ["POST /settings?handler=RevokeShare"] = ("L3ooLL", "L3ooLL"),
        ["POST /settings?handler=ResetLink"] = ("L3ooLL", "L3ooLL"),
        ["POST /settings?handler=RenewLink"] = ("L3ooLL", "L3ooLL"),
        ["GET /account"] = ("LoooLL", "LoooLL"),
        ["POST /account?handler=Profile"] = ("LoooLL", "LoooLL"),
        ["POST /account?handler=Password"] = ("LoooLL", "LoooLL"),
        ["POST /account?handler=PasskeyOptions"] = ("LoooLL", "LoooLL"),
        ["POST /account?handler=AddPasskey"] = ("LoooLL", "LoooLL"),
        ["POST /account?handler=RemovePasskey"] = ("LoooLL", "LoooLL"),
        ["POST /account?handler=Close"] = ("LoooLL", "LoooLL"), // Without its box ticked: the form again, nothing closed.
        ["GET /account/reminders"] = ("L3ooLL", "L3ooLL"),
        ["POST /account/reminders?handler=Save"] = ("L3ooLL", "L3ooLL"), // Empty: saved as "nothing, thanks" (ReminderMailTests: bad input).
        ["GET /login"] = ("oooooo", "oooooo"),
        ["POST /login"] = ("oooooo", "oooooo"),
        ["POST /login?handler=PasskeyOptions"] = ("oooooo", "oooooo"),
        ["POST /login?handler=Passkey"] = ("oooooo", "oooooo"),
        ["GET /logout"] = ("oooooo", "oooooo"),
        ["POST /logout"] = ("oooooo", "oooooo"),
        ["GET /setup"] = ("oooooo", "oooooo"),
        ["POST /setup"] = ("oooooo", "oooooo"),
        ["GET /invite/{token}"] = ("oooooo", "oooooo"),
        ["POST /invite/{token}"] = ("oooooo", "oooooo"),
        ["POST /invite/{token}?handler=PasskeyOptions"] = ("oooooo", "oooooo"),
        ["POST /invite/{token}?handler=JoinWithPasskey"] = ("oooooo", "oooooo"),
        ["GET /reset/{token}"] = ("oooooo", "oooooo"), // 410 for a token that opens nothing.
        ["POST /reset/{token}"] = ("oooooo", "oooooo"),
        ["GET /s/{token}"] = ("44444o", "44444o"),
        ["POST /s/{token}"] = ("44444o", "44444o"),
        ["GET /s/{token}/files/{name}"] = ("44444o", "44444o"),
        ["GET /s/{token}/originals/{mediaId:int}"] = ("444444", "444444"), // The table's link allows no downloads (ShareLinkTests: one that does).
        ["GET /robots.txt"] = ("oooooo", "oooooo"),
        ["GET /language"] = ("oooooo", "oooooo"),
        ["GET /error/{code:int?}"] = ("oooooo", "oooooo"),
        ["POST /error/{code:int?}"] = ("oooooo", "oooooo"),
        ["GET /healthz"] = ("oooooo", "oooooo"),
        ["GET /readyz"] = ("oooooo", "oooooo"),
        [RouteCatalog.StaticAssets] = ("oooooo", "oooooo"),
        ["GET /uploads/{name}"] = ("oooooo", "4oooo4"),
        ["GET /openapi/{documentName}.json"] = ("oooooo", "1oooo1"),
        ["GET /api/health"] = ("oooooo", "oooooo"),
        ["POST /api/auth/login"] = ("oooooo", "oooooo"),
        ["GET /api/me"] = ("1oooo1", "1oooo1"), // The key is no account: 404, saying so.
        ["GET /api/couple-data"] = ("oooooo", "1oooo1"),
        ["PUT /api/couple-data/start-date"] = ("13ooo1", "13ooo1"),
        ["PUT /api/couple-data/home-message"] = ("13ooo1", "13ooo1"),
        ["PUT /api/couple-data/intro"] = ("13ooo1", "13ooo1"),
        ["GET /api/memories"] = ("oooooo", "1oooo1"),
        ["GET /api/memories/{id:int}"] = ("oooooo", "1oooo1"),
        ["POST /api/memories"] = ("13ooo1", "13ooo1"),
        ["PUT /api/memories/{id:int}"] = ("13ooo1", "13ooo1"),
        ["DELETE /api/memories/{id:int}"] = ("13ooo1", "13ooo1"),
        ["POST /api/memories/{id:int}/media"] = ("13ooo1", "13ooo1"),
        ["DELETE /api/memories/{id:int}/media/{mediaId:int}"] = ("13ooo1", "13ooo1"),
        ["PUT /api/memories/{id:int}/media/order"] = ("13ooo1", "13ooo1"),
        ["GET /api/memories/{id:int}/media/{mediaId:int}/original"] = ("13ooo1", "13ooo1"),
        ["GET /api/on-this-day"] = ("oooooo", "1oooo1"),
        ["GET /api/counter"] = ("oooooo", "1oooo1"), // RememberingTests: a widget secret opens it on a Private site.
        ["GET /api/dates"] = ("oooooo", "1oooo1"),
        ["POST /api/dates"] = ("13ooo1", "13ooo1"),
        ["PUT /api/dates/{id:int}"] = ("13ooo1", "13ooo1"),
        ["DELETE /api/dates/{id:int}"] = ("13ooo1", "13ooo1"),
        ["GET /api/dreams"] = ("oooooo", "1oooo1"),
        ["POST /api/dreams"] = ("13ooo1", "13ooo1"),
        ["PUT /api/dreams/{id:int}"] = ("13ooo1", "13ooo1"),
        ["DELETE /api/dreams/{id:int}"] = ("13ooo1", "13ooo1"),
        ["GET /api/memories/{id:int}/sides"] = ("oooooo", "1oooo1"),
        ["PUT /api/memories/{id:int}/sides/mine"] = ("13oo31", "13oo31"), // The key has no side of its own: 403. Empty: 400.
        ["GET /api/letters"] = ("oooooo", "1oooo1"), // An empty list for all but a partner (LettersTests).
        ["POST /api/letters"] = ("13oo31", "13oo31"), // The key is no one: 403.
        ["PUT /api/letters/{id:int}"] = ("13ooo1", "13ooo1"), // An unknown letter: 404.
        ["DELETE /api/letters/{id:int}"] = ("13ooo1", "13ooo1"),
        ["GET /api/perspectives"] = ("oooooo", "1oooo1"),
        ["GET /api/perspectives/{number:int}"] = ("oooooo", "1oooo1"),
        ["POST /api/perspectives"] = ("13ooo1", "13ooo1"),
        ["PUT /api/perspectives/{number:int}"] = ("13o3o1", "13o3o1"),
        ["GET /api/export"] = ("13ooo1", "13ooo1"),
        ["POST /api/import"] = ("13ooo1", "13ooo1"),
        ["GET /api/invites"] = ("13ooo1", "13ooo1"),
        ["POST /api/invites"] = ("13ooo1", "13ooo1"),
        ["DELETE /api/invites/{id:int}"] = ("13ooo1", "13ooo1"),
        ["POST /api/invites/{token}/accept"] = ("oooooo", "oooooo"),
        ["GET /api/settings/visibility"] = ("13ooo1", "13ooo1"),
        ["PUT /api/settings/visibility"] = ("13ooo1", "13ooo1"),
        ["GET /api/share-links"] = ("13ooo1", "13ooo1"),
        ["POST /api/share-links"] = ("13ooo1", "13ooo1"),
        ["DELETE /api/share-links/{id:int}"] = ("13ooo1", "13ooo1"),
    };

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var route in Table.Keys)
        {
            rows.Add(route, "public");
            rows.Add(route, "private");
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_Role_Gets_The_Answer_Of_Its_Row(string route, string visibility)
    {
        var expected = visibility == "public" ? Table[route].Public : Table[route].Private;
        await site.SetVisibilityAsync(visibility == "public" ? SiteVisibility.Public : SiteVisibility.Private);

        var actual = new StringBuilder();
        foreach (var role in Roles)
        {
            actual.Append(await site.AskAsync(role, route));
        }

        Assert.True(actual.ToString() == expected, $"{route} on a {visibility} site ({string.Join(", ", Roles)}): expected {expected}, got {actual}");
    }

    [Fact]
    public void Every_Route_Has_Its_Row_And_The_Docs_Show_The_Same_Table()
    {
        var routes = RouteCatalog.Of(site.Services);
        Assert.Empty(routes.Except(Table.Keys));
        Assert.Empty(Table.Keys.Except(routes));

        var docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "security.md")).ReplaceLineEndings("\n");
        var table = Markdown();
        if (!docs.Contains(table, StringComparison.Ordinal))
        {
            var expectedAt = Path.Combine(Path.GetTempPath(), "role-route-table.md");
            File.WriteAllText(expectedAt, table);
            Assert.Fail($"docs/security.md does not hold the role × route table of this test; the table to paste is in {expectedAt}.");
        }
    }

    private static string Markdown()
    {
        static string Cell(char c) => c switch { 'o' => "✓", 'L' => "sign-in", '1' => "401", '3' => "403", '4' => "404", _ => "?" };
        var text = new StringBuilder();
        text.Append("| route | ").AppendJoin(" | ", Roles).Append(" | Private: ").AppendJoin(" | ", Roles).Append(" |\n");
        text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" --- |", Roles.Length * 2))).Append('\n');
        foreach (var (route, (publicRow, privateRow)) in Table.OrderBy(r => r.Key[(r.Key.IndexOf(' ') + 1)..], StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            text.Append("| `").Append(route).Append("` | ")
                .AppendJoin(" | ", publicRow.Select(Cell)).Append(" | ")
                .AppendJoin(" | ", privateRow.Select(Cell)).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>One site for the whole table: partner 1 (admin), partner 2, a guest, a memory with a photo, a share link with a password.</summary>
    public sealed class Site : AppFactory
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly Dictionary<string, HttpClient> _clients = [];
        private Memory? _memory;
        private string _shareToken = "";

        public async Task SetVisibilityAsync(SiteVisibility visibility)
        {
            if (Service<VisibilityService>().Current != visibility)
            {
                await Service<VisibilityService>().SetAsync(visibility, null);
            }
        }

        private async Task<Memory> ReadyAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_memory is null)
                {
                    await this.CreateAccountAsync("alex", AccountRole.Partner, 2, "Alex");
                    await this.CreateAccountAsync("mamie", AccountRole.Guest, displayName: "Mamie");
                    _memory = await InScopeAsync(async sp => (await sp.GetRequiredService<MemoryService>()
                        .CreateAsync(new MemoryInput("Plage", "", null), new MemoryStream(TestImages.Jpeg(320, 240)), null)).Value!);
                    var link = await InScopeAsync(async sp => (await sp.GetRequiredService<ShareLinkService>()
                        .CreateAsync(new ShareLinkInput(_memory.Id, SharePassword, null, false, false), null)).Value!);
                    _shareToken = link.Token!;
                }

                return _memory;
            }
            finally
            {
                _gate.Release();
            }
        }

        private const string ShareViewer = "share-link viewer";
        private const string SharePassword = "mot de passe du lien";

        private static string? UserOf(string role) => role switch { "guest" => "mamie", "partner 1" => Infrastructure.Accounts.AdminUser, "partner 2" => "alex", _ => null };

        /// <summary>A browser (its cookie) for the pages and files, or an API client (a token, or the key).</summary>
        private async Task<HttpClient> ClientAsync(string role, bool api, bool fresh = false)
        {
            var key = $"{role}|{api}";
            if (!fresh && _clients.TryGetValue(key, out var cached))
            {
                return cached;
            }

            HttpClient client;
            if (role == "API key")
            {
                client = api ? this.CreateKeyClient() : CreateBrowser();
                if (!api)
                {
                    client.DefaultRequestHeaders.Add("X-API-KEY", ApiClient.DevelopmentKey);
                }
            }
            else if (role == ShareViewer && !api)
            {
                client = CreateBrowser();
                var form = (await client.GetPageAsync($"/s/{_shareToken}")).Form("form[action^='/s/']");
                var unlocked = await client.SubmitAsync(form, new Dictionary<string, string> { ["Password"] = SharePassword });
                Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
            }
            else if (UserOf(role) is { } user)
            {
                client = api ? await this.CreateTokenClientAsync(user) : await this.SignedInBrowserAsync(user);
            }
            else
            {
                client = api ? this.CreateApiClient() : CreateBrowser();
            }

            if (!fresh)
            {
                _clients[key] = client;
            }

            return client;
        }

        /// <summary>Asks for the route as that role and answers the letter of the table for what came back.</summary>
        public async Task<char> AskAsync(string role, string route)
        {
            var memory = await ReadyAsync();
            var (method, pattern) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
            var api = pattern.StartsWith("/api/", StringComparison.Ordinal) || pattern.StartsWith("/openapi", StringComparison.Ordinal);
            // Files and share links answer 404 to whoever may not see them, as if they did not exist.
            var file = pattern == "/uploads/{name}" || pattern.StartsWith("/s/", StringComparison.Ordinal) || pattern.Contains("{secret}", StringComparison.Ordinal);
            // Signing out ends the session it is asked in: a fresh one, so that the other rows keep theirs.
            var client = await ClientAsync(role, api, fresh: route == "POST /logout");
            var path = pattern
                .Replace("{id:int}", route.StartsWith("DELETE", StringComparison.Ordinal) ? "999999" : memory.Id.ToString())
                .Replace("{number:int}", "1")
                .Replace("{mediaId:int}", memory.Media[0].Id.ToString())
                .Replace("{name}", Path.GetFileName(PhotoUrls.Thumbnail(memory)))
                .Replace("{token}", pattern.StartsWith("/s/", StringComparison.Ordinal) && role == ShareViewer ? _shareToken : SecretTokens.New())
                .Replace("{secret}", SecretTokens.New())
                .Replace("{code:int?}", "404")
                .Replace("{documentName}", "v1")
                .Replace("{file in wwwroot}", "css/site.css");
            if (!api && !file)
            {
                path += HandlerParameters(path, memory);
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method != "GET" && method != "DELETE")
            {
                request.Content = (api, route) switch
                {
                    (true, "POST /api/import") => new MultipartFormDataContent(),
                    (true, _) => new StringContent("{}", Encoding.UTF8, "application/json"),
                    (_, "POST /s/{token}") => new FormUrlEncodedContent([new("__RequestVerificationToken", await TokenAsync(client)), new("Password", SharePassword)]),
                    _ => new FormUrlEncodedContent([new("__RequestVerificationToken", await TokenAsync(client))]),
                };
            }

            var response = await client.SendAsync(request);
            return response.StatusCode switch
            {
                HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/login?ReturnUrl=", StringComparison.Ordinal) == true => 'L',
                HttpStatusCode.Unauthorized => '1',
                HttpStatusCode.Forbidden => '3',
                HttpStatusCode.NotFound when file => '4',
                _ => 'o',
            };
        }

        /// <summary>The ids a page handler needs: a real memory to read or edit, an unknown one to delete, perspective 1.</summary>
        private static string HandlerParameters(string path, Memory memory) => path switch
        {
            _ when path.StartsWith("/future?handler=", StringComparison.Ordinal) => "&number=1",
            _ when path.StartsWith("/future/dreams?handler=", StringComparison.Ordinal) && !path.EndsWith("Add", StringComparison.Ordinal) => "&id=999999&by=1",
            "/memories?handler=Delete" or "/settings?handler=RevokeInvite" or "/settings?handler=RemoveGuest" or "/settings?handler=RevokeShare"
                or "/settings?handler=ResetLink" or "/calendar?handler=EditDate" or "/calendar?handler=SaveDate"
                or "/calendar?handler=DeleteDate" => "&id=999999",
            "/settings?handler=RenewLink" => "&kind=Calendar",
            "/letters?handler=Save" or "/letters?handler=Delete" => "&id=999999",
            "/calendar?handler=Monthsaries" => "&on=false",
            _ when path.StartsWith("/memories?handler=", StringComparison.Ordinal) && !path.EndsWith("Items", StringComparison.Ordinal)
                && !path.EndsWith("Create", StringComparison.Ordinal) => $"&id={memory.Id}",
            _ => "",
        };

        /// <summary>A valid antiforgery token for this client's session, so that only the rules decide.</summary>
        private static async Task<string> TokenAsync(HttpClient client) => (await client.GetPageAsync("/login")).FormToken();
    }
}
