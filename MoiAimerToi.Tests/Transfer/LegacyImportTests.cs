using System.Security.Cryptography;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;
using MoiAimerToi.Web.Transfer;
using SixLabors.ImageSharp;

namespace MoiAimerToi.Tests.Transfer;

public class LegacyImportTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static Task<ImportSummary> ImportAsync(AppFactory site, LegacySite old) => site.InScopeAsync(sp =>
        sp.GetRequiredService<LegacyImportService>().ImportAsync(old.Database, new FolderPhotoSource(old.Uploads), userId: null, CancellationToken.None));

    [Fact]
    public async Task The_Old_Site_Comes_In_With_Its_Dates_And_Whatever_Cannot_Come_Is_Reported()
    {
        using var old = new LegacySite();
        var databaseBefore = SHA256.HashData(await File.ReadAllBytesAsync(old.Database));

        var summary = await ImportAsync(factory, old);

        Assert.Equal((7, 3, 2), (summary.Memories, summary.Photos, summary.Perspectives));
        Assert.Equal(3, summary.Skipped.Count);
        Assert.Contains(summary.Skipped, s => s.Item.Contains("Montagne") && s.Reason.Contains("/uploads/perdue.jpg"));
        Assert.Contains(summary.Skipped, s => s.Item.Contains("Cassée") && s.Reason.Contains("/uploads/cassée.jpg"));
        Assert.Contains(summary.Skipped, s => s.Item.Contains("Curieuse") && s.Reason.Contains("/uploads/../secret.txt"));
        Assert.Equal(databaseBefore, SHA256.HashData(await File.ReadAllBytesAsync(old.Database)));

        var (couple, memories, perspectives) = await factory.InScopeAsync(async sp => (
            await sp.GetRequiredService<CoupleService>().GetAsync(),
            (await sp.GetRequiredService<MemoryService>().ListAsync()).ToDictionary(m => m.Title),
            await sp.GetRequiredService<PerspectiveService>().ListAsync()));
        Assert.Equal((new DateOnly(2018, 5, 20), "Bienvenue chez nous", "On s’est rencontrés à Lyon."), (couple.StartDate, couple.HomeMessage, couple.IntroText));
        Assert.Equal(["Voyager au Japon", "Une maison avec un jardin"], perspectives.Select(p => p.Content));

        var beach = memories["Plage à Biarritz"];
        Assert.Equal((new DateTime(2019, 8, 3, 16, 20, 0), new DateOnly(2019, 8, 3)), (beach.CreatedAt, beach.TakenOn));
        Assert.Equal((800, 600), (beach.PhotoWidth, beach.PhotoHeight));
        using (var stored = Image.Load(Path.Combine(factory.DataDirectory, "uploads", beach.PhotoFileName!)))
        {
            Assert.Equal((800, 600), (stored.Width, stored.Height));
        }

        Assert.Equal((640, 480), (memories["Noël"].PhotoWidth, memories["Noël"].PhotoHeight));
        Assert.Equal((new DateTime(2022, 1, 1, 10, 0, 0), new DateOnly(2021, 12, 24)), (memories["Réveillon"].CreatedAt, memories["Réveillon"].TakenOn));
        Assert.Equal(new DateTime(2021, 6, 1, 12, 30, 0, 250), memories["Sans photo"].CreatedAt);
        Assert.All(new[] { "Montagne", "Cassée", "Curieuse", "Sans photo" }, title => Assert.Null(memories[title].PhotoFileName));
        Assert.Equal("Randonnée", memories["Montagne"].Description);
        Assert.Equal(9, Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploads")).Length);

        // Each photo's original is kept exactly as the old site had it, with its own extension.
        var kept = Directory.GetFiles(Path.Combine(factory.DataDirectory, "originals")).Select(File.ReadAllBytes).ToList();
        Assert.Equal(3, kept.Count);
        Assert.Contains(kept, bytes => bytes.SequenceEqual(File.ReadAllBytes(Path.Combine(old.Uploads, "plage été 2019.jpg"))));
        Assert.Contains(kept, bytes => bytes.SequenceEqual(File.ReadAllBytes(Path.Combine(old.Uploads, "Noël chez Mamie.png".Normalize(System.Text.NormalizationForm.FormD)))));
        Assert.Single(Directory.GetFiles(Path.Combine(factory.DataDirectory, "originals"), "*.png"));
        Assert.Single(beach.Media);
    }

    [Fact]
    public async Task A_File_That_Is_Not_The_Old_Database_Is_Refused_And_Changes_Nothing()
    {
        using var old = new LegacySite();
        await File.WriteAllTextAsync(old.Database, "This is not SQLite.");
        var before = await SiteState.SnapshotAsync(factory);

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => ImportAsync(factory, old));

        Assert.Contains("not a database", refused.Message);
        Assert.Equal(before, await SiteState.SnapshotAsync(factory));
    }

    [Fact]
    public async Task The_Command_Imports_Once_And_Replaces_Only_When_Asked()
    {
        using var old = new LegacySite();
        using var site = new AppFactory();
        _ = site.Server;

        Assert.Equal(2, await LegacyImportCommand.RunAsync(site.Services, [old.Database]));
        Assert.Equal(0, await LegacyImportCommand.RunAsync(site.Services, [old.Database, old.Uploads]));
        Assert.Equal(1, await LegacyImportCommand.RunAsync(site.Services, [old.Database, old.Uploads]));
        Assert.Equal(0, await LegacyImportCommand.RunAsync(site.Services, [old.Database, old.Uploads, "--replace"]));

        var memories = await site.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().ListAsync());
        Assert.Equal(7, memories.Count);
        Assert.Equal(9, Directory.GetFiles(Path.Combine(site.DataDirectory, "uploads")).Length);
    }

    [Fact]
    public void The_Summary_Reads_Well_In_A_Shell()
    {
        var text = LegacyImportCommand.Describe(new ImportSummary(7, 3, 2, [new ImportSkip("Memory “Montagne” (#3 on the old site)", "photo not found (/uploads/perdue.jpg)")]));

        Assert.Equal(
            "Imported: memories 7 (3 with a photo), perspectives 2, and the couple's texts." + Environment.NewLine
            + "Skipped 1:" + Environment.NewLine
            + "  - Memory “Montagne” (#3 on the old site): photo not found (/uploads/perdue.jpg)",
            text);
    }

    [Theory]
    [InlineData("/uploads/plage été 2019.jpg", "plage été 2019.jpg")]
    [InlineData("/uploads/plage%20%C3%A9t%C3%A9%202019.jpg", "plage été 2019.jpg")]
    [InlineData("http://localhost:3001/uploads/plage%20%C3%A9t%C3%A9%202019.jpg", "plage été 2019.jpg")]
    public void A_Photo_Address_Is_Found_However_The_Old_Site_Wrote_It(string photoUrl, string name)
    {
        Assert.Contains(name, LegacyPhotoNames.Candidates(photoUrl));
    }

    [Theory]
    [InlineData("/uploads/../moi_aimer_toi.db")]
    [InlineData("/uploads/..%2Fmoi_aimer_toi.db")]
    [InlineData("/uploads/sub/photo.jpg")]
    [InlineData("/uploads/..\\secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("/uploads/")]
    [InlineData("/uploads/..")]
    public void An_Address_That_Leaves_The_Uploads_Folder_Is_Never_Resolved(string photoUrl)
    {
        using var old = new LegacySite();

        var (photo, problem) = new FolderPhotoSource(old.Uploads).Open(photoUrl);

        Assert.Null(photo);
        Assert.Equal(LegacyPhotoProblem.OutsideUploads, problem);
    }
}
