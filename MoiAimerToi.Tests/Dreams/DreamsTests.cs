using System.Net;
using System.Net.Http.Json;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Tests.Dreams;

/// <summary>The dream list of « Notre avenir »: in place on the page, through <c>/api/dreams</c>, and made into memories.</summary>
public class DreamsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Title(string title) => new() { ["title"] = title };

    [Fact]
    public async Task The_Api_Adds_Changes_Moves_Ticks_And_Deletes_And_Refuses_Bad_Input_And_Guests()
    {
        var key = factory.CreateKeyClient();
        var bad = await key.PostAsJsonAsync("/api/dreams", new { title = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("title", out _));

        var a = (await (await key.PostAsJsonAsync("/api/dreams", new { title = "Un road trip" })).JsonAsync()).GetProperty("id").GetInt32();
        var b = await (await key.PostAsJsonAsync("/api/dreams", new { title = "Un potager" })).JsonAsync();
        Assert.Null(b.GetProperty("done_on").GetString());

        var moved = await (await key.PutAsJsonAsync($"/api/dreams/{b.GetProperty("id").GetInt32()}", new { position = 1 })).JsonAsync();
        Assert.Equal(1, moved.GetProperty("position").GetInt32());
        var done = await (await key.PutAsJsonAsync($"/api/dreams/{a}", new { done_on = "2026-06-01" })).JsonAsync();
        Assert.Equal("2026-06-01", done.GetProperty("done_on").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await key.PutAsJsonAsync($"/api/dreams/{a}", new { done_on = "2999-01-01" })).StatusCode);
        var unknown = await key.PutAsJsonAsync($"/api/dreams/{a}", new { memory_id = 999999 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("memory_id", out _));
        var undone = await key.SendRawAsync(HttpMethod.Put, $"/api/dreams/{a}", """{"done_on": null}""");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await undone.JsonAsync()).GetProperty("done_on").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await key.PutAsJsonAsync("/api/dreams/999999", new { title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await key.SendRawAsync(HttpMethod.Put, $"/api/dreams/{a}", """{"position": "2"}""")).StatusCode);
        var memory = (await (await key.PostAsJsonAsync("/api/memories", new { title = "Le road trip" })).JsonAsync()).GetProperty("id").GetInt32();
        await key.PutAsJsonAsync($"/api/dreams/{a}", new { memory_id = memory });
        var unlinked = await key.SendRawAsync(HttpMethod.Put, $"/api/dreams/{a}", """{"memory_id": null}""");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await unlinked.JsonAsync()).GetProperty("memory_id").ValueKind);

        await factory.CreateAccountAsync("cousin", AccountRole.Guest);
        var guest = await factory.CreateTokenClientAsync("cousin");
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.PostAsJsonAsync("/api/dreams", new { title = "Moi aussi" })).StatusCode);

        Assert.Equal("Dream deleted", (await (await key.DeleteAsync($"/api/dreams/{a}")).JsonAsync()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await key.DeleteAsync($"/api/dreams/{a}")).StatusCode);
    }

    [Fact]
    public async Task A_Dream_Made_Into_A_Just_Us_Memory_Does_Not_Name_It_To_Visitors()
    {
        await factory.Service<VisibilityService>().SetAsync(SiteVisibility.Public, null);
        var key = factory.CreateKeyClient();
        var secret = (await (await key.PostAsJsonAsync("/api/memories", new { title = "Notre secret", just_us = true })).JsonAsync()).GetProperty("id").GetInt32();
        var dream = (await (await key.PostAsJsonAsync("/api/dreams", new { title = "Un week-end rien qu’à nous" })).JsonAsync()).GetProperty("id").GetInt32();
        await key.PutAsJsonAsync($"/api/dreams/{dream}", new { done_on = "2026-05-01", memory_id = secret });

        var partnerView = (await (await key.GetAsync("/api/dreams")).JsonAsync()).EnumerateArray().Single(d => d.GetProperty("id").GetInt32() == dream);
        var visitorView = (await (await factory.CreateApiClient().GetAsync("/api/dreams")).JsonAsync()).EnumerateArray().Single(d => d.GetProperty("id").GetInt32() == dream);
        Assert.Equal(secret, partnerView.GetProperty("memory_id").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, visitorView.GetProperty("memory_id").ValueKind);

        var page = await factory.CreateBrowser().GetPageAsync("/future");
        Assert.Null(page.QuerySelector($"#dream-{dream} .dream-memory"));
        Assert.DoesNotContain("Notre secret", page.DocumentElement.OuterHtml);
    }
}

/// <summary>The list on the page, in a site of its own: the dreams there are only this test's.</summary>
public class DreamsPageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Title(string title) => new() { ["title"] = title };

    [Fact]
    public async Task A_Partner_Adds_Reorders_Edits_And_Ticks_A_Dream_Then_Makes_A_Memory_Of_It()
    {
        var partner = await factory.SignedInBrowserAsync();
        var page = await partner.GetPageAsync("/future");
        var token = page.HtmxToken();
        Assert.Equal("Nos rêves à deux", page.Text("#dreams-title"));

        var refused = await Html.ParseFragmentAsync(await partner.HtmxSubmitAsync(page.Form(".dream-add"), token, Title("   ")));
        Assert.Equal("Titre est obligatoire.", refused.Text("#dream-new-title-error"));

        var list = page;
        foreach (var dream in new[] { "Voir les aurores boréales", "Apprendre le tango" })
        {
            list = await Html.ParseFragmentAsync(await partner.HtmxSubmitAsync(list.Form(".dream-add"), token, Title(dream)));
        }

        Assert.Equal(["Voir les aurores boréales", "Apprendre le tango"], list.QuerySelectorAll(".dream-title").Select(e => e.TextContent));
        var first = list.QuerySelectorAll(".dream").First().Id!;
        var moved = await Html.ParseFragmentAsync(await partner.HtmxSubmitAsync(list.Form($"#{first} form[hx-post*='handler=Move'][hx-post*='by=1']"), token));
        Assert.Equal(["Apprendre le tango", "Voir les aurores boréales"], moved.QuerySelectorAll(".dream-title").Select(e => e.TextContent));

        var edited = await Html.ParseFragmentAsync(await partner.HtmxSubmitAsync(moved.Form($"#{first} .dream-edit form"), token, Title("Voir les aurores boréales en Norvège")));
        var ticked = await Html.ParseFragmentAsync(await partner.HtmxSubmitAsync(edited.Form($"#{first} form[hx-post*='handler=Done']"), token));
        Assert.Equal("true", ticked.QuerySelector($"#{first} .dream-tick")!.GetAttribute("aria-pressed"));
        var offer = ticked.Form($"#{first} .dream-offer");
        Assert.Equal("Voir les aurores boréales en Norvège", ((AngleSharp.Html.Dom.IHtmlInputElement)offer.QuerySelector("input[name=title]")!).Value);
        Assert.Equal(factory.Service<MoiAimerToi.Web.Couple.CoupleClock>().Today.ToString("yyyy-MM-dd"),
            ((AngleSharp.Html.Dom.IHtmlInputElement)offer.QuerySelector("input[name=date]")!).Value);

        var made = await partner.HtmxSubmitAsync(offer, token);
        Assert.Equal(HttpStatusCode.NoContent, made.StatusCode);
        var memoryUrl = made.Headers.GetValues("HX-Redirect").Single();
        Assert.Matches(@"^/memories/\d+$", memoryUrl);
        var memory = await partner.GetPageAsync(memoryUrl);
        Assert.Equal("Voir les aurores boréales en Norvège", memory.Text("h1"));
        Assert.Equal("Un rêve réalisé : « Voir les aurores boréales en Norvège »", memory.Text(".memory-dream"));

        var after = await partner.GetPageAsync("/future");
        Assert.Equal(memoryUrl, after.QuerySelector($"#{first} .dream-memory")!.GetAttribute("href"));
        Assert.Null(after.QuerySelector(".dream-offer"));

        var english = factory.CreateBrowser();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var visitor = await english.GetPageAsync("/future");
        Assert.Equal("Our dreams, together", visitor.Text("#dreams-title"));
        Assert.Contains("done on", visitor.QuerySelector($"#{first}")!.TextContent);
        Assert.Empty(visitor.QuerySelectorAll(".dream form"));
    }
}
