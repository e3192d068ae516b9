using System.Net;
using System.Text.Json;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;
using SixLabors.ImageSharp;

namespace MoiAimerToi.Tests.Transfer;

/// <summary>A site with texts, memories with and without photos, and both perspectives, written once for the class.</summary>
public sealed class SeededSite : AppFactory
{
    private static readonly DateTimeOffset July = new(2024, 7, 14, 10, 15, 30, TimeSpan.Zero);
    private readonly Lazy<Task> _seeded;

    public SeededSite() => _seeded = new Lazy<Task>(SeedAsync);

    public Task SeededAsync() => _seeded.Value;

    private async Task SeedAsync()
    {
        var source = this;
        await SiteSeed.TextsAsync(source, "2019-02-14", "Bienvenue chez <b>nous</b>", "Tout a commencé à Lyon,\nun soir de pluie.");
        await SiteSeed.MemoryAsync(source, July, "Pique-nique à Annecy", "Au bord du lac", "2024-07-14", TestImages.Jpeg(1600, 1200));
        await SiteSeed.MemoryAsync(source, July.AddMinutes(5).AddTicks(1234567), "Pique-nique à Annecy", "Le même jour, plus tard", "2024-07-14", TestImages.Png(640, 480));
        await SiteSeed.MemoryAsync(source, July.AddDays(1), "Réveillon: 23h59 / minuit?", "", "2023-12-31", TestImages.Jpeg(900, 1200));
        await SiteSeed.MemoryAsync(source, July.AddDays(2), "Sans photo", "Juste des mots", "2022-05-01");
        await SiteSeed.PerspectiveAsync(source, July.AddDays(3), 1, "Voir le Japon au printemps");
        await SiteSeed.PerspectiveAsync(source, July.AddDays(4), 2, "Une maison avec un jardin");
    }
}

public class RoundTripTests(SeededSite source) : IClassFixture<SeededSite>
{
    private static Task<(CoupleData Couple, IReadOnlyList<Memory> Memories, IReadOnlyList<Perspective> Perspectives)> ContentAsync(AppFactory factory) =>
        factory.InScopeAsync(async sp => (
            await sp.GetRequiredService<CoupleService>().GetAsync(),
            await sp.GetRequiredService<MemoryService>().ListAsync(),
            await sp.GetRequiredService<PerspectiveService>().ListAsync()));

    private static (int, int) PixelSize(AppFactory factory, Memory memory)
    {
        using var image = Image.Load(Path.Combine(factory.DataDirectory, "uploads", memory.PhotoFileName!));
        return (image.Width, image.Height);
    }

    [Fact]
    public async Task Export_Then_Import_Into_A_Fresh_Site_Brings_Back_Texts_Dates_Perspectives_And_Photos()
    {
        await source.SeededAsync();
        var export = await source.CreateKeyClient().GetAsync("/api/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("moi-aimer-toi-", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var zip = await export.Content.ReadAsByteArrayAsync();

        using var fresh = new AppFactory();
        var imported = await fresh.CreateKeyClient().PostAsync("/api/import", Zips.ImportForm(zip));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var summary = await imported.JsonAsync();
        Assert.Equal((4, 3, 2, 0), (summary.GetProperty("memories").GetInt32(), summary.GetProperty("photos").GetInt32(),
            summary.GetProperty("perspectives").GetInt32(), summary.GetProperty("skipped").GetArrayLength()));
        var before = await ContentAsync(source);
        var after = await ContentAsync(fresh);
        Assert.Equal((before.Couple.StartDate, before.Couple.HomeMessage, before.Couple.IntroText),
            (after.Couple.StartDate, after.Couple.HomeMessage, after.Couple.IntroText));
        Assert.Equal(
            before.Memories.Select(m => (m.Title, m.Description, m.TakenOn, m.CreatedAt, m.UpdatedAt, m.PhotoWidth, m.PhotoHeight)),
            after.Memories.Select(m => (m.Title, m.Description, m.TakenOn, m.CreatedAt, m.UpdatedAt, m.PhotoWidth, m.PhotoHeight)));
        foreach (var (original, copy) in before.Memories.Zip(after.Memories).Where(p => p.First.PhotoFileName is not null))
        {
            Assert.Equal(PixelSize(source, original), PixelSize(fresh, copy));
        }

        Assert.Equal(before.Perspectives.Select(p => (p.Number, p.Content, p.UpdatedAt)), after.Perspectives.Select(p => (p.Number, p.Content, p.UpdatedAt)));
        Assert.Equal(9, Directory.GetFiles(Path.Combine(fresh.DataDirectory, "uploads")).Length);
    }

    [Fact]
    public async Task The_Zip_Can_Be_Browsed_By_A_Person()
    {
        await source.SeededAsync();
        var zip = await source.CreateKeyClient().GetByteArrayAsync("/api/export");

        var names = Zips.EntryNames(zip);

        Assert.Contains("data.json", names);
        Assert.Contains("photos/2024-07-14 Pique-nique à Annecy.jpg", names);
        // Each photo as it was uploaded, with its own extension.
        Assert.Contains("photos/2024-07-14 Pique-nique à Annecy (2).png", names);
        Assert.Contains("photos/2023-12-31 Réveillon 23h59 minuit.jpg", names);
        using var photo = Image.Load(Zips.Entry(zip, "photos/2023-12-31 Réveillon 23h59 minuit.jpg"));
        Assert.Equal((900, 1200), (photo.Width, photo.Height));
        using var data = JsonDocument.Parse(Zips.Entry(zip, "data.json"));
        var memory = data.RootElement.GetProperty("memories").EnumerateArray().First(m => m.GetProperty("title").GetString() == "Sans photo");
        Assert.Equal(JsonValueKind.Null, memory.GetProperty("photo").ValueKind);
        Assert.Equal("2022-05-01", memory.GetProperty("taken_on").GetString());
        Assert.Contains("Pique-nique à Annecy", System.Text.Encoding.UTF8.GetString(Zips.Entry(zip, "data.json")));
    }

    [Fact]
    public async Task Importing_Into_A_Site_With_Content_Replaces_It_And_Removes_The_Old_Photo_Files()
    {
        await source.SeededAsync();
        var zip = await source.CreateKeyClient().GetByteArrayAsync("/api/export");
        using var target = new AppFactory();
        await SiteSeed.SomeContentAsync(target);
        var oldFiles = Directory.GetFiles(Path.Combine(target.DataDirectory, "uploads"));
        Assert.Equal(3, oldFiles.Length);

        var response = await target.CreateKeyClient().PostAsync("/api/import", Zips.ImportForm(zip));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (couple, memories, perspectives) = await ContentAsync(target);
        Assert.Equal("Bienvenue chez <b>nous</b>", couple.HomeMessage);
        Assert.DoesNotContain(memories, m => m.Title == "Déjà là");
        Assert.Equal(4, memories.Count);
        Assert.Equal("Voir le Japon au printemps", perspectives.Single(p => p.Number == 1).Content);
        var files = Directory.GetFiles(Path.Combine(target.DataDirectory, "uploads"));
        Assert.Empty(files.Intersect(oldFiles));
        Assert.Equal(9, files.Length);
        Assert.All(memories.Where(m => m.PhotoFileName is not null),
            m => Assert.Contains(Path.Combine(target.DataDirectory, "uploads", m.PhotoFileName!), files));
    }
}
