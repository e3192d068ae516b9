using System.Net;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Tests.Pages.Memories;

public class IndexTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task<IReadOnlyList<Memory>> SavedAsync() =>
        factory.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().ListAsync());

    private Task<Memory> AddAsync(string title, string? takenOn = null) =>
        factory.InScopeAsync(async sp => (await sp.GetRequiredService<MemoryService>().CreateAsync(new MemoryInput(title, "", takenOn), null, null)).Value!);

    /// <summary>The year heading a card stands under: the last heading before it in the grid.</summary>
    private static string? YearHeadingOf(AngleSharp.Html.Dom.IHtmlDocument document, int id)
    {
        string? year = null;
        foreach (var element in document.QuerySelectorAll("#cards > *"))
        {
            if (element.ClassList.Contains("year-heading"))
            {
                year = element.TextContent;
            }
            else if (element.Id == $"memory-{id}")
            {
                return year;
            }
        }

        return null;
    }

    [Fact]
    public async Task Post_Create_ReturnsGalleryPartial_WhenHtmx()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/memories");

        var response = await client.HtmxSubmitAsync(page.Form("#memory-new form"), page.HtmxToken(), new Dictionary<string, string>
        {
            ["Input.Title"] = "Pique-nique à Annecy",
            ["Input.Description"] = "Le lac, les cygnes.",
            ["Input.TakenOn"] = "2024-07-14",
        });

        Assert.Equal("#gallery", response.Headers.GetValues("HX-Retarget").Single());
        var gallery = await Html.ParseFragmentAsync(response);
        var card = gallery.QuerySelectorAll(".memory-card").Single(c => c.QuerySelector(".memory-title")!.TextContent == "Pique-nique à Annecy");
        Assert.Equal("2024-07-14", card.QuerySelector("time")?.GetAttribute("datetime"));
        Assert.Equal("dimanche 14 juillet 2024", card.QuerySelector("time")?.TextContent);
        Assert.False(gallery.QuerySelector("#memory-new")!.HasAttribute("open"));
        Assert.Contains(await SavedAsync(), m => m.Title == "Pique-nique à Annecy" && m.TakenOn == new DateOnly(2024, 7, 14));
    }

    [Fact]
    public async Task A_Memory_Is_Added_Without_JavaScript()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/memories");

        var response = await client.SubmitAsync(page.Form("#memory-new form"), new Dictionary<string, string> { ["Input.Title"] = "Sans script" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/memories", response.Headers.Location?.OriginalString);
        var after = await client.GetPageAsync("/memories");
        Assert.Contains(after.QuerySelectorAll(".memory-title"), t => t.TextContent == "Sans script");
    }

    [Fact]
    public async Task A_Blank_Title_Is_Refused_Next_To_The_Field_And_The_Rest_Is_Kept()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/memories");
        var count = (await SavedAsync()).Count;

        var response = await client.HtmxSubmitAsync(page.Form("#memory-new form"), page.HtmxToken(), new Dictionary<string, string>
        {
            ["Input.Title"] = "   ",
            ["Input.Description"] = "Ce texte ne doit pas se perdre.",
            ["Input.TakenOn"] = "2099-01-01",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("HX-Retarget"));
        var form = await Html.ParseFragmentAsync(response);
        Assert.True(form.QuerySelector("#memory-new")!.HasAttribute("open"));
        Assert.Equal("Titre est obligatoire.", form.Text("#new-title-error"));
        Assert.Equal("Date du souvenir ne peut pas être dans le futur.", form.Text("#new-taken-on-error"));
        Assert.Equal("Ce texte ne doit pas se perdre.", form.QuerySelector("#new-description")?.TextContent);
        Assert.Equal(count, (await SavedAsync()).Count);
    }

    [Fact]
    public async Task A_Refused_Memory_Without_JavaScript_Shows_The_Whole_Page_With_The_Errors()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/memories");

        var response = await client.SubmitAsync(page.Form("#memory-new form"), new Dictionary<string, string>
        {
            ["Input.Title"] = new string('x', Memory.TitleMaxLength + 1),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await Html.ParseAsync(response);
        Assert.NotNull(refused.QuerySelector("header.site-header"));
        Assert.Equal("Titre ne peut dépasser 200 caractères.", refused.Text("#new-title-error"));
    }

    [Fact]
    public async Task Post_Save_Changes_The_Text_And_Date_In_Place_WhenHtmx()
    {
        var memory = await AddAsync("Avant", "2023-03-03");
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/memories");
        var form = (await Html.ParseFragmentAsync(await client.HtmxGetAsync(page.HxGet($"#memory-{memory.Id} a[href*='handler=Edit']")))).Form($"form#memory-{memory.Id}");
        Assert.Equal("Avant", form.QuerySelector($"#memory-{memory.Id}-title")?.GetAttribute("value"));

        var response = await client.HtmxSubmitAsync(form, page.HtmxToken(), new Dictionary<string, string>
        {
            ["Input.Title"] = "Après",
            ["Input.TakenOn"] = "2022-02-02",
        });

        var gallery = await Html.ParseFragmentAsync(response);
        Assert.Equal("Après", gallery.Text($"#memory-{memory.Id} .memory-title"));
        Assert.Equal("2022", YearHeadingOf(gallery, memory.Id));
        var saved = (await SavedAsync()).Single(m => m.Id == memory.Id);
        Assert.Equal(("Après", new DateOnly(2022, 2, 2)), (saved.Title, saved.TakenOn));
    }

    [Fact]
    public async Task Deleting_Asks_For_Confirmation_First_Then_Removes_The_Memory()
    {
        var memory = await AddAsync("À supprimer");
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/memories");

        var confirm = await Html.ParseFragmentAsync(await client.HtmxGetAsync(page.HxGet($"#memory-{memory.Id} a[href*='ConfirmDelete']")));
        Assert.Contains("À supprimer", confirm.Text($"#memory-{memory.Id} .confirm-question"));
        Assert.Contains(await SavedAsync(), m => m.Id == memory.Id);

        var response = await client.HtmxSubmitAsync(confirm.Form($"form#memory-{memory.Id}"), page.HtmxToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await Html.ParseFragmentAsync(response)).QuerySelector($"#memory-{memory.Id}"));
        Assert.DoesNotContain(await SavedAsync(), m => m.Id == memory.Id);
    }

    [Fact]
    public async Task Deleting_Works_Without_JavaScript_Through_The_Confirmation_Page()
    {
        var memory = await AddAsync("Sans script à supprimer");
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/memories");

        var confirmPage = await client.GetPageAsync(page.QuerySelector($"#memory-{memory.Id} a[href*='ConfirmDelete']")!.GetAttribute("href")!);
        var response = await client.SubmitAsync(confirmPage.Form($"form#memory-{memory.Id}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(await SavedAsync(), m => m.Id == memory.Id);
    }

    [Fact]
    public async Task Memories_Are_Grouped_By_Year_Newest_First_And_The_Title_Spans_The_Years()
    {
        await AddAsync("Ancien", "2019-05-01");
        await AddAsync("Récent", "2025-05-01");

        var page = await factory.CreateBrowser().GetPageAsync("/memories");

        var years = page.QuerySelectorAll(".year-heading").Select(h => int.Parse(h.TextContent)).ToList();
        Assert.Equal(years.OrderByDescending(y => y), years);
        Assert.Equal($"{years.Min()} – {years.Max()}", page.Text("#gallery h1"));
        Assert.StartsWith($"{years.Min()} – {years.Max()}", page.Title);
    }
}

public class EmptyGalleryTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_Empty_Gallery_Invites_The_First_Memory()
    {
        var visitor = await factory.CreateBrowser().GetPageAsync("/memories");
        Assert.Equal("Nos souvenirs", visitor.Text("#gallery h1"));
        Assert.Contains("Le premier vous attend", visitor.Text(".empty-state"));

        var couple = await (await factory.SignedInBrowserAsync()).GetPageAsync("/memories");
        Assert.NotNull(couple.QuerySelector("#memory-new form"));
    }
}
