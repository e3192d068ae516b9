using System.Net;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Memories;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp;

namespace MoiAimerToi.Tests.Pages.Memories;

public class UploadTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task<IReadOnlyList<Memory>> SavedAsync() =>
        factory.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().ListAsync());

    [Fact]
    public async Task A_Memory_With_A_Photo_Is_Added_Through_The_Plain_Form()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/memories");
        var form = page.Form("#memory-new form");
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));

        var response = await client.SubmitWithFileAsync(form, "Input.Photo", TestImages.Jpeg(1200, 900), "plage.jpg",
            new Dictionary<string, string> { ["Input.Title"] = "Avec photo" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var memory = (await SavedAsync()).Single(m => m.Title == "Avec photo");
        Assert.Equal((1200, 900), (memory.PhotoWidth, memory.PhotoHeight));
        var gallery = await client.GetPageAsync("/memories");
        var img = gallery.QuerySelector($"#memory-{memory.Id} img")!;
        Assert.Equal(PhotoUrls.Thumbnail(memory), img.GetAttribute("src"));
        Assert.Equal($"{PhotoUrls.Thumbnail(memory)} 480w, {PhotoUrls.Large(memory)} 1200w", img.GetAttribute("srcset"));
        Assert.Equal(("1200", "900"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(img.GetAttribute("src"))).StatusCode);
    }

    [Fact]
    public async Task Post_Create_With_A_Photo_ReturnsGalleryPartial_WhenHtmx_And_The_Photo_Date_Becomes_The_Memory_Date()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/memories");
        var photo = TestImages.Jpeg(800, 600, exif => exif.SetValue(ExifTag.DateTimeOriginal, "2019:07:14 18:30:00"));

        var response = await client.SubmitWithFileAsync(page.Form("#memory-new form"), "Input.Photo", photo, "fete.jpg",
            new Dictionary<string, string> { ["Input.Title"] = "Quatorze juillet" },
            new Dictionary<string, string> { ["HX-Request"] = "true", ["RequestVerificationToken"] = page.HtmxToken() });

        Assert.Equal("#gallery", response.Headers.GetValues("HX-Retarget").Single());
        var memory = (await SavedAsync()).Single(m => m.Title == "Quatorze juillet");
        Assert.Equal(new DateOnly(2019, 7, 14), memory.TakenOn);
        Assert.NotNull((await Html.ParseFragmentAsync(response)).QuerySelector($"#memory-{memory.Id} img"));
    }

    [Fact]
    public async Task A_File_That_Is_Not_A_Photo_Is_Refused_Next_To_The_Field_And_Nothing_Is_Kept()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/memories");
        var before = (await SavedAsync()).Count;
        var files = Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploads")).Length;

        var response = await client.SubmitWithFileAsync(page.Form("#memory-new form"), "Input.Photo", "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray(), "dessin.jpg",
            new Dictionary<string, string> { ["Input.Title"] = "Pas une photo" },
            new Dictionary<string, string> { ["HX-Request"] = "true", ["RequestVerificationToken"] = page.HtmxToken() });

        var form = await Html.ParseFragmentAsync(response);
        Assert.Equal("Ce fichier n’est pas une photo : JPEG, PNG, WebP, GIF, HEIC ou AVIF seulement.", form.Text("#new-photo-error"));
        Assert.Equal("Pas une photo", form.QuerySelector("#new-title")?.GetAttribute("value"));
        Assert.Equal(before, (await SavedAsync()).Count);
        Assert.Equal(files, Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploads")).Length);
    }

    [Fact]
    public async Task A_Photo_From_The_Edit_Form_Becomes_The_Cover_And_The_Old_One_Stays_In_The_Album()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/memories");
        await client.SubmitWithFileAsync(page.Form("#memory-new form"), "Input.Photo", TestImages.Jpeg(640, 480), "a.jpg",
            new Dictionary<string, string> { ["Input.Title"] = "À remplacer" });
        var memory = (await SavedAsync()).Single(m => m.Title == "À remplacer");
        var editPage = await client.GetPageAsync($"/memories?handler=Edit&id={memory.Id}");

        var response = await client.SubmitWithFileAsync(editPage.Form($"form#memory-{memory.Id}"), "Input.Photo", TestImages.Png(500, 500), "b.png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var covered = (await SavedAsync()).Single(m => m.Id == memory.Id);
        Assert.NotEqual(memory.PhotoFileName, covered.PhotoFileName);
        Assert.Equal((500, 500, 2), (covered.PhotoWidth, covered.PhotoHeight, covered.PhotoCount));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploads"), Path.GetFileNameWithoutExtension(memory.PhotoFileName!) + "*").Length);
    }

    [Fact]
    public async Task A_Visitor_Cannot_Upload()
    {
        var visitor = factory.CreateBrowser();
        var token = (await visitor.GetPageAsync("/login")).FormToken();
        var before = (await SavedAsync()).Count;
        var files = Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploads")).Length;
        var content = new MultipartFormDataContent
        {
            { new StringContent("Intrus"), "Input.Title" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(TestImages.Jpeg(300, 200)), "Input.Photo", "x.jpg" },
        };

        var response = await visitor.PostAsync("/memories?handler=Create", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location?.ToString());
        Assert.Equal(before, (await SavedAsync()).Count);
        Assert.Equal(files, Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploads")).Length);
    }
}

/// <summary>A data directory that already holds a stray upload before the site starts.</summary>
public sealed class StrayUploadFactory : AppFactory
{
    public const string Stray = "0123456789abcdef0123456789abcdef.jpg";

    public StrayUploadFactory()
    {
        var uploads = Directory.CreateDirectory(Path.Combine(DataDirectory, "uploads")).FullName;
        File.WriteAllBytes(Path.Combine(uploads, Stray), TestImages.Jpeg(10, 10));
        File.WriteAllBytes(Path.Combine(uploads, "0123456789abcdef0123456789abcdef-480.webp.tmp"), [1, 2, 3]);
    }
}

public class OrphanSweepTests(StrayUploadFactory factory) : IClassFixture<StrayUploadFactory>
{
    [Fact]
    public async Task Files_No_Memory_Refers_To_Are_Swept_Once_The_Site_Answers_After_A_Start()
    {
        await factory.CreateBrowser().GetPageAsync("/memories");
        await factory.Service<OrphanSweep>().Done.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploads")));
    }

    [Fact]
    public async Task A_File_Written_Since_The_Start_Is_Spared_By_The_Sweep()
    {
        await factory.Service<OrphanSweep>().Done.WaitAsync(TimeSpan.FromSeconds(30));
        var fresh = Path.Combine(factory.DataDirectory, "uploads", "fedcba9876543210fedcba9876543210.jpg.tmp");
        File.WriteAllBytes(fresh, [1]);

        var swept = await factory.InScopeAsync(sp => sp.GetRequiredService<MemoryPhotos>()
            .SweepOrphansAsync(sp.GetRequiredService<MoiAimerToi.Web.Data.AppDbContext>(), DateTime.UtcNow.AddSeconds(-30)));

        Assert.Equal(0, swept);
        Assert.True(File.Exists(fresh));
        File.Delete(fresh);
    }
}

public class OrphanSweepDuringRestoreTests
{
    [Fact]
    public async Task A_Restore_Cut_Short_Stops_The_Sweep_Until_It_Has_Run_To_The_End()
    {
        await using var factory = new StrayUploadFactory();
        await File.WriteAllTextAsync(Path.Combine(factory.DataDirectory, "restore-under-way"), "restore of a snapshot");

        await factory.CreateBrowser().GetPageAsync("/memories");
        await factory.Service<OrphanSweep>().Done.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "uploads", StrayUploadFactory.Stray)));
        Assert.Contains(factory.Logs.Lines, line => line.Contains("A restore was cut short"));
    }
}
