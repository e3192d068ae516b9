using System.Net;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;

namespace MoiAimerToi.Tests.Accounts;

/// <summary>Two partners, each writing their own side, and guests who read.</summary>
public class PartnersTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task TwoPartnersAndAGuestAsync()
    {
        var existing = await factory.InScopeAsync(async sp => (await sp.GetRequiredService<Partners>().AccountsAsync()).Values.Select(u => u.UserName).ToList());
        if (!existing.Contains("alex"))
        {
            await factory.CreateAccountAsync("alex", AccountRole.Partner, 2, "Alex");
            await factory.CreateAccountAsync("mamie", AccountRole.Guest, displayName: "Mamie");
        }
    }

    private Task<Perspective?> PerspectiveAsync(int number) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<PerspectiveService>().FindAsync(number));

    [Fact]
    public async Task The_First_Account_Is_Partner_1()
    {
        var me = await (await factory.CreateTokenClientAsync()).GetAsync("/api/me");

        var body = await me.JsonAsync();
        Assert.Equal(["user_name", "display_name", "role", "perspective_number"], body.Names());
        Assert.Equal("admin", body.GetProperty("user_name").GetString());
        Assert.Equal("partner", body.GetProperty("role").GetString());
        Assert.Equal(1, body.GetProperty("perspective_number").GetInt32());
        await (await factory.CreateApiClient().GetAsync("/api/me")).ErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_Guest_Reads_But_Every_Write_Answers_403_And_Changes_Nothing()
    {
        await TwoPartnersAndAGuestAsync();
        var guest = await factory.SignedInBrowserAsync("mamie");
        var page = await guest.GetPageAsync("/memories");
        Assert.Null(page.QuerySelector(".edit-button, #memory-new, .card-actions"));
        var token = page.FormToken();

        var plain = await guest.PostAsync("/story?handler=Save", new FormUrlEncodedContent([new("Text.Value", "Pirate"), new("__RequestVerificationToken", token)]));
        var htmx = await guest.HtmxPostAsync("/memories?handler=Create", token, [new("Input.Title", "Pirate")]);
        var api = await (await factory.CreateTokenClientAsync("mamie")).SendAsync(HttpMethod.Post, "/api/memories", new { title = "Pirate" });

        Assert.Equal(HttpStatusCode.Forbidden, plain.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, htmx.StatusCode);
        await api.ErrorAsync(HttpStatusCode.Forbidden);
        var me = await (await (await factory.CreateTokenClientAsync("mamie")).GetAsync("/api/me")).JsonAsync();
        Assert.Equal("guest", me.GetProperty("role").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, me.GetProperty("perspective_number").ValueKind);
        Assert.DoesNotContain(await factory.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().ListAsync()), m => m.Title == "Pirate");
    }

    [Fact]
    public async Task Alone_Partner_1_Writes_Both_Perspectives()
    {
        await using var alone = new AppFactory();
        var admin = await alone.CreateTokenClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Put, "/api/perspectives/2", new { content = "Avant Alex" })).StatusCode);
        Assert.NotNull((await (await alone.SignedInBrowserAsync()).GetPageAsync("/future")).QuerySelector("#perspective-2 .edit-button"));
    }

    [Fact]
    public async Task Each_Partner_Writes_Their_Own_Perspective_Once_Both_Have_Joined_And_The_Key_Writes_Both()
    {
        await TwoPartnersAndAGuestAsync();
        var admin = await factory.CreateTokenClientAsync();
        var alex = await factory.CreateTokenClientAsync("alex");
        var refused = await admin.SendAsync(HttpMethod.Put, "/api/perspectives/2", new { content = "Par-dessus Alex" });
        var upsert = await alex.SendAsync(HttpMethod.Post, "/api/perspectives", new { perspective_number = 1, content = "Par-dessus Camille" });
        var own = await alex.SendAsync(HttpMethod.Put, "/api/perspectives/2", new { content = "Le Japon" });
        var key = await factory.CreateKeyClient().SendAsync(HttpMethod.Put, "/api/perspectives/1", new { content = "Par le script" });

        Assert.Contains("Alex", await refused.ErrorAsync(HttpStatusCode.Forbidden));
        await upsert.ErrorAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, key.StatusCode);
        Assert.Equal("Le Japon", (await PerspectiveAsync(2))!.Content);
        Assert.Equal("Par le script", (await PerspectiveAsync(1))!.Content);
    }

    [Fact]
    public async Task The_Page_Offers_Each_Partner_Their_Own_Side_As_Moi_And_Refuses_The_Other()
    {
        await TwoPartnersAndAGuestAsync();
        var alex = await factory.SignedInBrowserAsync("alex");
        var page = await alex.GetPageAsync("/future");

        Assert.Equal(["Toi", "Moi"], page.QuerySelectorAll(".perspective h2").Select(h => h.TextContent.Trim()));
        Assert.Null(page.QuerySelector("#perspective-1 .edit-button"));
        Assert.NotNull(page.QuerySelector("#perspective-2 .edit-button"));
        var refused = await alex.HtmxPostAsync("/future?handler=Save&number=1", page.FormToken(), [new("Text.Value", "Pas à moi")]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("admin", await refused.Content.ReadAsStringAsync());
        Assert.NotEqual("Pas à moi", (await PerspectiveAsync(1))?.Content);

        var visitor = await factory.CreateBrowser().GetPageAsync("/future");
        Assert.Equal(["admin", "Alex"], visitor.QuerySelectorAll(".perspective h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task Memories_Say_Who_Wrote_And_Changed_Them()
    {
        await TwoPartnersAndAGuestAsync();
        var created = await (await factory.CreateTokenClientAsync()).SendAsync(HttpMethod.Post, "/api/memories", new { title = "Écrit à deux" });
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var changed = await (await factory.CreateTokenClientAsync("alex")).SendAsync(HttpMethod.Put, $"/api/memories/{id}", new { description = "Et complété" });

        var body = await changed.JsonAsync();
        Assert.Equal("admin", body.GetProperty("created_by").GetString());
        Assert.Equal("Alex", body.GetProperty("updated_by").GetString());
        var byline = (await factory.CreateBrowser().GetPageAsync($"/memories/{id}")).QuerySelector(".byline")!.TextContent;
        Assert.StartsWith("écrit par admin · modifié par Alex le ", byline);
    }

    [Fact]
    public async Task A_Save_Over_Another_Partners_Newer_Version_Is_Refused_Quoting_It_And_Keeps_What_Was_Typed()
    {
        await TwoPartnersAndAGuestAsync();
        var camille = await factory.SignedInBrowserAsync();
        var alex = await factory.SignedInBrowserAsync("alex");
        var camillesForm = (await camille.GetPageAsync("/story?handler=Edit")).Form("form#intro");
        var alexsForm = (await alex.GetPageAsync("/story?handler=Edit")).Form("form#intro");

        Assert.Equal(HttpStatusCode.Redirect, (await camille.SubmitAsync(camillesForm, new Dictionary<string, string> { ["Text.Value"] = "Version de Camille" })).StatusCode);
        var refused = await alex.SubmitAsync(alexsForm, new Dictionary<string, string> { ["Text.Value"] = "Version d’Alex" });

        var page = await Html.ParseAsync(refused);
        Assert.Contains("Version de Camille", page.QuerySelector("#intro-text-error")?.TextContent);
        Assert.Contains("admin", page.QuerySelector("#intro-text-error")?.TextContent);
        Assert.Equal("Version d’Alex", page.QuerySelector("#intro-text")?.TextContent);
        Assert.Equal("Version de Camille", (await factory.InScopeAsync(sp => sp.GetRequiredService<MoiAimerToi.Web.Couple.CoupleService>().GetAsync())).IntroText);

        // Saving again, knowingly, replaces it.
        Assert.Equal(HttpStatusCode.Redirect, (await alex.SubmitAsync(page.Form("form#intro"))).StatusCode);
        Assert.Equal("Version d’Alex", (await factory.InScopeAsync(sp => sp.GetRequiredService<MoiAimerToi.Web.Couple.CoupleService>().GetAsync())).IntroText);
    }

    [Fact]
    public async Task A_Guest_Changes_Their_Own_Name_And_Password()
    {
        if (!(await factory.InScopeAsync(async sp => (await sp.GetRequiredService<Partners>().AccountsAsync()).Values.Any(u => u.UserName == "tante"))))
        {
            await factory.CreateAccountAsync("tante", AccountRole.Guest);
        }

        var guest = await factory.SignedInBrowserAsync("tante");
        var page = await guest.GetPageAsync("/account");
        var wrong = await guest.SubmitAsync(page.Form("form[action*='handler=Password']"),
            new Dictionary<string, string> { ["Password.Current"] = "pas le bon", ["Password.New"] = "un nouveau mot de passe" });
        Assert.NotNull((await Html.ParseAsync(wrong)).QuerySelector("#password-current-error"));

        page = await guest.GetPageAsync("/account");
        var named = await guest.SubmitAsync(page.Form("form[action*='handler=Profile']"), new Dictionary<string, string> { ["Profile.DisplayName"] = "Tante Lou" });
        var changed = await guest.SubmitAsync((await guest.GetPageAsync("/account")).Form("form[action*='handler=Password']"),
            new Dictionary<string, string> { ["Password.Current"] = Infrastructure.Accounts.PasswordOf("tante"), ["Password.New"] = "un nouveau mot de passe" });

        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("Tante Lou", (await factory.InScopeAsync(sp => sp.GetRequiredService<Partners>().AccountsAsync())).Values.Single(u => u.UserName == "tante").DisplayName);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().SignInAsync("tante", "un nouveau mot de passe")).StatusCode);
    }

    [Fact]
    public async Task Two_Partners_Editing_The_Same_Memory_The_Later_Save_Is_Refused_Quoting_The_Other_And_Saving_Again_Replaces_It()
    {
        await TwoPartnersAndAGuestAsync();
        var memory = await factory.InScopeAsync(async sp => (await sp.GetRequiredService<MemoryService>().CreateAsync(new MemoryInput("Le lac", "Avant", "2024-05-01"), null, null)).Value!);
        var camille = await factory.SignedInBrowserAsync();
        var alex = await factory.SignedInBrowserAsync("alex");
        var camillesForm = (await camille.GetPageAsync($"/memories?handler=Edit&id={memory.Id}")).Form($"form#memory-{memory.Id}");
        var alexsForm = (await alex.GetPageAsync($"/memories?handler=Edit&id={memory.Id}")).Form($"form#memory-{memory.Id}");

        Assert.Equal(HttpStatusCode.Redirect, (await camille.SubmitAsync(camillesForm, new Dictionary<string, string> { ["Input.Description"] = "Le souvenir de Camille" })).StatusCode);
        var refused = await alex.SubmitAsync(alexsForm, new Dictionary<string, string> { ["Input.Description"] = "Le souvenir d’Alex" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        var error = page.QuerySelector($"#memory-{memory.Id}-description-error")?.TextContent;
        Assert.Contains("Le souvenir de Camille", error);
        Assert.Contains("admin", error);
        Assert.Equal("Le souvenir d’Alex", page.QuerySelector($"#memory-{memory.Id}-description")?.TextContent);
        Assert.Equal("Le souvenir de Camille", (await factory.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().FindAsync(memory.Id)))!.Description);

        Assert.Equal(HttpStatusCode.Redirect, (await alex.SubmitAsync(page.Form($"form#memory-{memory.Id}"))).StatusCode);
        Assert.Equal("Le souvenir d’Alex", (await factory.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().FindAsync(memory.Id)))!.Description);
    }
}
