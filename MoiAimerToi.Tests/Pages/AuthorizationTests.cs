using System.Net;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;

namespace MoiAimerToi.Tests.Pages;

public class AuthorizationTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string, string> Edits => new()
    {
        { "/", "SaveMessage", "Text.Value" },
        { "/", "SaveStartDate", "Start.StartDate" },
        { "/story", "Save", "Text.Value" },
        { "/future", "Save&number=1", "Text.Value" },
        { "/memories", "Create", "Input.Title" },
        { "/memories", "Save&id=1", "Input.Title" },
        { "/memories", "Delete&id=1", "Input.Title" },
    };

    private async Task<string> SnapshotAsync() => await factory.InScopeAsync(async sp =>
    {
        var couple = await sp.GetRequiredService<CoupleService>().GetAsync();
        var memories = await sp.GetRequiredService<MemoryService>().ListAsync();
        var perspectives = await sp.GetRequiredService<PerspectiveService>().ListAsync();
        return $"{couple.StartDate}|{couple.HomeMessage}|{couple.IntroText}|"
            + string.Join(",", memories.Select(m => $"{m.Id}:{m.Title}"))
            + "|" + string.Join(",", perspectives.Select(p => $"{p.Number}:{p.Content}"));
    });

    private async Task EnsureMemoryOneAsync() => await factory.InScopeAsync(async sp =>
    {
        var service = sp.GetRequiredService<MemoryService>();
        if (await service.FindAsync(1) is null)
        {
            await service.CreateAsync(new MemoryInput("Premier", "", null), null, null);
        }

        return 0;
    });

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task A_Visitor_Posting_An_Edit_Is_Sent_To_Login_And_Nothing_Changes(string page, string handler, string field)
    {
        await EnsureMemoryOneAsync();
        var visitor = factory.CreateBrowser();
        // A valid antiforgery token, from the only form a visitor gets, so that only the missing sign-in stops the edit.
        var token = (await visitor.GetPageAsync("/login")).FormToken();
        var before = await SnapshotAsync();

        var plain = await visitor.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(
            [new(field, "2020-01-01"), new("__RequestVerificationToken", token)]));
        var htmx = await visitor.HtmxPostAsync($"{page}?handler={handler}", token, [new(field, "2020-01-01")]);

        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.StartsWith("http://localhost/login?ReturnUrl=", plain.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, htmx.StatusCode);
        Assert.StartsWith("/login?ReturnUrl=", htmx.Headers.GetValues("HX-Redirect").Single());
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("/?handler=EditMessage")]
    [InlineData("/?handler=EditStartDate")]
    [InlineData("/story?handler=Edit")]
    [InlineData("/future?handler=Edit&number=1")]
    [InlineData("/memories?handler=ConfirmDelete&id=1")]
    public async Task A_Visitor_Cannot_Open_An_Edit_Form(string url)
    {
        await EnsureMemoryOneAsync();

        var response = await factory.CreateBrowser().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_Post_Without_The_Antiforgery_Token_Is_Refused_Even_When_Signed_In()
    {
        var client = await factory.SignedInBrowserAsync();
        var before = await SnapshotAsync();

        var request = new HttpRequestMessage(HttpMethod.Post, "/?handler=SaveMessage")
        {
            Content = new FormUrlEncodedContent([new("Text.Value", "Forgé ailleurs")]),
        };
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task What_The_Couple_Types_Is_Shown_Encoded_Never_Run()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/story");
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";

        await client.HtmxPostAsync("/story?handler=Save", page.HtmxToken(), [new("Text.Value", hostile)]);

        var shown = await factory.CreateBrowser().GetPageAsync("/story");
        Assert.Equal(hostile, shown.Text("#intro .prose"));
        Assert.Empty(shown.QuerySelectorAll("main script, main img"));
    }

    [Fact]
    public void No_View_Decides_For_Itself_Who_May_Edit()
    {
        // Views read the request's Viewer, which the policies fill once; a view testing the user itself would bypass them.
        var views = Directory.EnumerateFiles(Path.Combine(Repository.Root, "MoiAimerToi.Web", "Pages"), "*.cshtml", SearchOption.AllDirectories);

        Assert.Empty(views.Where(view => File.ReadAllText(view).Contains("User.Identity", StringComparison.Ordinal)).Select(Path.GetFileName));
    }
}
