using System.Net;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Tests.Sharing;

/// <summary>A link that shows one memory, or the gallery, to whoever holds it: only that, only while it lasts.</summary>
public class ShareLinkTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<Memory> MemoryAsync(string title, bool justUs = false) =>
        await factory.InScopeAsync(async sp => (await sp.GetRequiredService<MemoryService>()
            .CreateAsync(new MemoryInput(title, "Le sable chaud", "2024-07-14", justUs), new MemoryStream(TestImages.Jpeg(640, 480)), null)).Value!);

    private async Task PrivateAsync()
    {
        var visibility = factory.Service<VisibilityService>();
        if (visibility.Current != SiteVisibility.Private)
        {
            await visibility.SetAsync(SiteVisibility.Private, null);
        }
    }

    /// <summary>Makes a link from the settings page, as a partner does after « Partager », and returns its path.</summary>
    private async Task<string> ShareFromSettingsAsync(int? memoryId, Dictionary<string, string>? fields = null)
    {
        var partner = await factory.SignedInBrowserAsync();
        var settings = await partner.GetPageAsync(memoryId is null ? "/settings" : $"/settings?share={memoryId}");
        var made = await partner.SubmitAsync(settings.Form("form[action*='handler=Share']"), fields ?? []);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var url = (await partner.GetPageAsync("/settings")).QuerySelector("#new-share-url")!.GetAttribute("value")!;
        Assert.Matches(@"^http://localhost/s/[A-Za-z0-9_-]{43}$", url);
        return new Uri(url).AbsolutePath;
    }

    private async Task<int> LinkIdAsync(string path) =>
        (await (await factory.CreateKeyClient().GetAsync("/api/share-links")).JsonAsync()).EnumerateArray()
            .Single(l => l.GetProperty("url").GetString()!.EndsWith(path, StringComparison.Ordinal)).GetProperty("id").GetInt32();

    [Fact]
    public async Task A_Visitor_Of_A_Private_Site_Sees_The_Shared_Memory_Alone_Through_Its_Own_Photo_Addresses()
    {
        await PrivateAsync();
        var memory = await MemoryAsync("Plage partagée");
        await MemoryAsync("Pas partagé");
        var path = await ShareFromSettingsAsync(memory.Id);
        var visitor = factory.CreateBrowser();

        var response = await visitor.GetAsync(path);
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true });
        Assert.Equal("Plage partagée", page.Text("h1"));
        Assert.DoesNotContain("Pas partagé", page.Body!.TextContent);
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Empty(page.QuerySelectorAll("meta[property^='og:']"));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!), h => !h.StartsWith(path, StringComparison.Ordinal) && !h.StartsWith('#'));
        var photo = page.QuerySelector(".album-slide img")!;
        Assert.DoesNotContain("/uploads/", page.Source.Text);
        Assert.StartsWith(path + "/files/", photo.GetAttribute("src"));
        Assert.DoesNotContain(memory.PhotoFileName!, photo.GetAttribute("srcset")!);
        var file = await visitor.GetAsync(photo.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.True(file.Headers.CacheControl is { Private: true, NoCache: true });
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{path}/files/{memory.PhotoFileName}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(PhotoUrls.Thumbnail(memory))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/memories")).StatusCode);

        var listed = (await (await factory.CreateKeyClient().GetAsync("/api/share-links")).JsonAsync()).EnumerateArray()
            .Single(l => l.GetProperty("url").GetString()!.EndsWith(path, StringComparison.Ordinal));
        Assert.Equal(1, listed.GetProperty("views").GetInt32());
        Assert.Equal(memory.Id, listed.GetProperty("memory_id").GetInt32());
    }

    [Fact]
    public async Task Revoking_Stops_The_Open_Page_And_Every_File_It_Showed_At_Once()
    {
        var memory = await MemoryAsync("Bientôt retiré");
        var path = await ShareFromSettingsAsync(memory.Id);
        var visitor = factory.CreateBrowser();
        var page = await visitor.GetPageAsync(path);
        var photo = page.QuerySelector(".album-slide img")!.GetAttribute("src")!;
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(photo)).StatusCode);

        var partner = await factory.SignedInBrowserAsync();
        var settings = await partner.GetPageAsync("/settings");
        var id = await LinkIdAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, (await partner.SubmitAsync(settings.Form($"#share-link-{id} form"))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(photo)).StatusCode);
        var again = await visitor.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.DoesNotContain("Bientôt retiré", await again.Content.ReadAsStringAsync());
        Assert.Null((await partner.GetPageAsync("/settings")).QuerySelector($"#share-link-{id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/s/" + Web.Accounts.SecretTokens.New())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/s/not-a-token")).StatusCode);
    }

    [Fact]
    public async Task A_Link_With_An_End_Answers_Gone_Once_It_Has_Passed()
    {
        var memory = await MemoryAsync("Pour une heure");
        var key = factory.CreateKeyClient();
        var now = DateTimeOffset.UtcNow;
        var made = await key.SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = memory.Id, expires_at = now.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") });
        var link = await made.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal(now.AddHours(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss"), link.GetProperty("expires_at").GetString());
        var path = new Uri(link.GetProperty("url").GetString()!).AbsolutePath;
        var visitor = factory.CreateBrowser();
        var photo = (await visitor.GetPageAsync(path)).QuerySelector(".album-slide img")!.GetAttribute("src")!;

        factory.Clock.Set(now.AddHours(1).AddSeconds(1));
        try
        {
            Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(photo)).StatusCode);
        }
        finally
        {
            factory.Clock.Set(DateTimeOffset.UtcNow);
        }

        var past = await key.SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = memory.Id, expires_at = "2020-01-01T00:00:00Z" });
        Assert.Contains("expires_at", await past.FieldErrorsAsync());
    }

    [Fact]
    public async Task A_Password_Link_Shows_Only_Its_Form_Until_The_Right_Password_And_Locks_After_Five_Wrong_Ones()
    {
        await PrivateAsync();
        var memory = await MemoryAsync("Derrière un mot de passe");
        var path = await ShareFromSettingsAsync(memory.Id, new Dictionary<string, string> { ["ShareRequest.Password"] = "sésame ouvre-toi" });
        var visitor = factory.CreateBrowser();

        var locked = await visitor.GetPageAsync(path);
        Assert.DoesNotContain("Derrière un mot de passe", locked.Body!.TextContent);
        Assert.Empty(locked.QuerySelectorAll("img"));
        var wrong = await visitor.SubmitAsync(locked.Form("form[action^='/s/']"), new Dictionary<string, string> { ["Password"] = "mauvais" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(wrong)).Text("#share-password-error"));
        Assert.DoesNotContain("Derrière un mot de passe", await wrong.Content.ReadAsStringAsync());

        for (var i = 0; i < 4; i++)
        {
            await visitor.SubmitAsync(locked.Form("form[action^='/s/']"), new Dictionary<string, string> { ["Password"] = "mauvais" });
        }

        var refused = await visitor.SubmitAsync(locked.Form("form[action^='/s/']"), new Dictionary<string, string> { ["Password"] = "sésame ouvre-toi" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Trop d'essais", (await Html.ParseAsync(refused)).Text("#share-password-error"));

        factory.Clock.Set(DateTimeOffset.UtcNow.AddMinutes(16));
        try
        {
            var opened = await visitor.SubmitAsync(locked.Form("form[action^='/s/']"), new Dictionary<string, string> { ["Password"] = "sésame ouvre-toi" });
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            var page = await visitor.GetPageAsync(path);
            Assert.Equal("Derrière un mot de passe", page.Text("h1"));
            var photo = page.QuerySelector(".album-slide img")!.GetAttribute("src")!;
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(photo)).StatusCode);
            // The cookie is what opened it: someone given the address alone gets neither the page nor its files.
            var other = factory.CreateBrowser();
            Assert.Null((await other.GetPageAsync(path)).QuerySelector(".album-slide"));
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(photo)).StatusCode);
        }
        finally
        {
            factory.Clock.Set(DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task A_Just_Us_Memory_Cannot_Be_Shared_And_A_Shared_Gallery_Never_Shows_One()
    {
        var secret = await MemoryAsync("Rien que nous deux", justUs: true);
        var open = await MemoryAsync("Souvenir ouvert");
        var key = factory.CreateKeyClient();

        await (await key.SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = secret.Id })).ErrorAsync(HttpStatusCode.Conflict);
        await (await key.SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = 999999 })).ErrorAsync(HttpStatusCode.NotFound);
        var partner = await factory.SignedInBrowserAsync();
        Assert.Null((await partner.GetPageAsync($"/memories/{secret.Id}")).QuerySelector("a[href*='share=']"));
        Assert.NotNull((await partner.GetPageAsync($"/memories/{open.Id}")).QuerySelector("a[href*='share=']"));

        var gallery = await (await key.SendAsync(HttpMethod.Post, "/api/share-links", new { })).JsonAsync();
        var path = new Uri(gallery.GetProperty("url").GetString()!).AbsolutePath;
        var visitor = factory.CreateBrowser();
        var page = await visitor.GetPageAsync(path);
        Assert.Contains("Souvenir ouvert", page.Body!.TextContent);
        Assert.DoesNotContain("Rien que nous deux", page.Body.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{path}?memory={secret.Id}")).StatusCode);
        var large = Path.GetFileName(PhotoUrls.Large(secret));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{path}/files/{large}")).StatusCode);
        var one = await visitor.GetPageAsync($"{path}?memory={open.Id}");
        Assert.Equal("Souvenir ouvert", one.Text("h1"));
        Assert.Equal(path, one.QuerySelector(".viewer-nav a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Turning_A_Memory_Just_Us_Or_Deleting_It_Ends_Its_Links()
    {
        var key = factory.CreateKeyClient();
        var turned = await MemoryAsync("Devient secret");
        var deleted = await MemoryAsync("Va disparaître");
        var turnedPath = new Uri((await (await key.SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = turned.Id })).JsonAsync()).GetProperty("url").GetString()!).AbsolutePath;
        var deletedPath = new Uri((await (await key.SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = deleted.Id })).JsonAsync()).GetProperty("url").GetString()!).AbsolutePath;

        await key.SendAsync(HttpMethod.Put, $"/api/memories/{turned.Id}", new { just_us = true });
        await key.DeleteAsync($"/api/memories/{deleted.Id}");

        var visitor = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(turnedPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(deletedPath)).StatusCode);
    }

    [Fact]
    public async Task Downloads_Are_The_Full_Size_As_An_Attachment_Only_When_The_Link_Allows_Them()
    {
        var memory = await MemoryAsync("Photo à garder");
        var key = factory.CreateKeyClient();
        var full = memory.PhotoFileName!;
        var without = new Uri((await (await key.SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = memory.Id })).JsonAsync()).GetProperty("url").GetString()!).AbsolutePath;
        var with = new Uri((await (await key.SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = memory.Id, allow_download = true })).JsonAsync()).GetProperty("url").GetString()!).AbsolutePath;
        var visitor = factory.CreateBrowser();

        Assert.Null((await visitor.GetPageAsync(without)).QuerySelector("a[download]"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{without}/files/{full}?download=true")).StatusCode);
        var link = (await visitor.GetPageAsync(with)).QuerySelector("a[download]")!.GetAttribute("href")!;
        var download = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Photo à garder.jpg", download.Content.Headers.ContentDisposition?.FileNameStar);
        using var image = SixLabors.ImageSharp.Image.Load(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal((640, 480), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_Preview_Card_Only_When_Asked_And_Robots_Learn_No_More_Than_A_Prefix()
    {
        var memory = await MemoryAsync("Avec aperçu");
        var key = factory.CreateKeyClient();
        var made = await (await key.SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = memory.Id, show_preview = true })).JsonAsync();
        var path = new Uri(made.GetProperty("url").GetString()!).AbsolutePath;
        var token = path["/s/".Length..];

        var page = await factory.CreateBrowser().GetPageAsync(path);
        Assert.Equal("Avec aperçu", page.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.Contains($"{path}/files/", page.QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        var robots = await factory.CreateClient().GetStringAsync("/robots.txt");
        Assert.Contains($"Allow: /s/{token[..12]}\n", robots);
        Assert.DoesNotContain(token, robots);
        Assert.EndsWith("Disallow: /\n", robots);

        var both = await key.SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = memory.Id, show_preview = true, password = "secret" });
        Assert.Contains("show_preview", await both.FieldErrorsAsync());
        Assert.Equal(HttpStatusCode.OK, (await key.DeleteAsync($"/api/share-links/{made.GetProperty("id").GetInt32()}")).StatusCode);
        Assert.DoesNotContain(token[..12], await factory.CreateClient().GetStringAsync("/robots.txt"));
        await (await key.DeleteAsync($"/api/share-links/{made.GetProperty("id").GetInt32()}")).ErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_Settings_Form_Reads_The_End_On_The_Couples_Clock_And_Says_What_Is_Wrong_Next_To_The_Field()
    {
        var memory = await MemoryAsync("Jusqu'à Noël");
        var partner = await factory.SignedInBrowserAsync();
        var settings = await partner.GetPageAsync($"/settings?share={memory.Id}");
        Assert.Contains("Jusqu'à Noël", settings.Text(".share-what"));

        var wrong = await partner.SubmitAsync(settings.Form("form[action*='handler=Share']"), new Dictionary<string, string> { ["ShareRequest.ExpiresAt"] = "demain" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(wrong)).Text("#share-expires-error"));
        var past = await partner.SubmitAsync(settings.Form("form[action*='handler=Share']"), new Dictionary<string, string> { ["ShareRequest.ExpiresAt"] = "2020-01-01T10:00" });
        Assert.Contains("futur", (await Html.ParseAsync(past)).Text("#share-expires-error"));

        var year = DateTime.UtcNow.Year + 1;
        Assert.Equal(HttpStatusCode.Redirect, (await partner.SubmitAsync(settings.Form("form[action*='handler=Share']"),
            new Dictionary<string, string> { ["ShareRequest.ExpiresAt"] = $"{year}-12-25T18:30:15" })).StatusCode);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var expected = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, 12, 25, 18, 30, 15), zone).ToString("yyyy-MM-dd'T'HH:mm:ss");
        Assert.Contains((await (await factory.CreateKeyClient().GetAsync("/api/share-links")).JsonAsync()).EnumerateArray(),
            l => l.GetProperty("memory_id").ValueKind == System.Text.Json.JsonValueKind.Number && l.GetProperty("memory_id").GetInt32() == memory.Id
                && l.GetProperty("expires_at").GetString() == expected);
    }

    [Fact]
    public async Task Wrong_Passwords_Sent_At_Once_Still_Lock_The_Link_After_Five()
    {
        var memory = await MemoryAsync("Assaut de mots de passe");
        var made = await (await factory.CreateKeyClient().SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = memory.Id, password = "le vrai" })).JsonAsync();
        var path = new Uri(made.GetProperty("url").GetString()!).AbsolutePath;
        var browser = factory.CreateBrowser();
        var form = (await browser.GetPageAsync(path)).Form("form[action^='/s/']");

        var answers = await Task.WhenAll(Enumerable.Range(0, 9).Select(async i =>
            (await Html.ParseAsync(await browser.SubmitAsync(form, new Dictionary<string, string> { ["Password"] = $"faux {i}" }))).Text("#share-password-error")));
        var right = await browser.SubmitAsync(form, new Dictionary<string, string> { ["Password"] = "le vrai" });

        Assert.Equal(4, answers.Count(a => a == "Ce n'est pas le bon mot de passe."));
        Assert.Equal(5, answers.Count(a => a.StartsWith("Trop d'essais", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.StartsWith("Trop d'essais", (await Html.ParseAsync(right)).Text("#share-password-error"));
    }

    [Fact]
    public async Task The_Database_Keeps_No_Token_That_Would_Open_A_Link()
    {
        var memory = await MemoryAsync("Secret du lien");
        var made = await (await factory.CreateKeyClient().SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = memory.Id })).JsonAsync();
        var token = new Uri(made.GetProperty("url").GetString()!).AbsolutePath["/s/".Length..];

        var stored = await factory.InScopeAsync(sp => sp.GetRequiredService<MoiAimerToi.Web.Data.AppDbContext>().ShareLinks
            .AsNoTracking().SingleAsync(l => l.Id == made.GetProperty("id").GetInt32()));
        Assert.DoesNotContain(token, $"{stored.TokenHash} {stored.SealedToken}");
        Assert.Equal(token[..12], stored.TokenPrefix);
        var listed = (await (await factory.CreateKeyClient().GetAsync("/api/share-links")).JsonAsync()).EnumerateArray().Single(l => l.GetProperty("id").GetInt32() == stored.Id);
        Assert.Equal(made.GetProperty("url").GetString(), listed.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_Memory_Id_That_Is_No_Number_Shares_Nothing()
    {
        var partner = await factory.SignedInBrowserAsync();
        var before = (await (await factory.CreateKeyClient().GetAsync("/api/share-links")).JsonAsync()).GetArrayLength();
        var settings = await partner.GetPageAsync("/settings");

        var refused = await partner.SubmitAsync(settings.Form("form[action*='handler=Share']"), new Dictionary<string, string> { ["ShareRequest.MemoryId"] = "abc" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(refused)).Text("#share-links .field-error"));
        Assert.Equal(before, (await (await factory.CreateKeyClient().GetAsync("/api/share-links")).JsonAsync()).GetArrayLength());
    }
}
