using System.IO.Compression;
using System.Net;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;

namespace MoiAimerToi.Tests.Transfer;

/// <summary>Each broken or hostile ZIP is refused with a readable reason, and the site is exactly as before: rows, texts, files.</summary>
public class HostileArchiveTests(SiteWithContent factory) : IClassFixture<SiteWithContent>
{
    private static readonly byte[] Photo = TestImages.Jpeg(64, 48);

    public static string Data(params string[] memories) => $$"""
        {
          "format": "moi-aimer-toi", "version": 1, "exported_at": "2025-01-01T12:00:00",
          "couple": { "start_date": "2020-01-01", "home_message": "Remplacé", "intro_text": "Remplacé" },
          "memories": [ {{string.Join(", ", memories)}} ],
          "perspectives": [ { "perspective_number": 2, "content": "Remplacée", "updated_at": "2025-01-01T12:00:00" } ]
        }
        """;

    public static string Memory(string title, string? photo) =>
        $$"""{ "title": "{{title}}", "description": "", "taken_on": "2021-01-01", "created_at": "2021-01-01T10:00:00", "updated_at": "2021-01-01T10:00:00", "photo": {{(photo is null ? "null" : $"\"{photo}\"")}} }""";

    private static (string, byte[]) DataEntry(params string[] memories) => ("data.json", Zips.Text(Data(memories)));

    public static byte[] Build(string what) => what switch
    {
        "zip-slip" => Zips.Build(DataEntry(), ("../../x.jpg", Photo)),
        "zip-slip with backslashes" => Zips.Build(DataEntry(), ("..\\..\\x.jpg", Photo)),
        "absolute path" => Zips.Build(DataEntry(), ("/etc/x.jpg", Photo)),
        "drive letter" => Zips.Build(DataEntry(), ("C:/x.jpg", Photo)),
        "huge declared entry" => Zips.WithDeclaredSize(
            Zips.Build(CompressionLevel.NoCompression, DataEntry(Memory("Géant", "photos/a.jpg")), ("photos/a.jpg", Photo)), "photos/a.jpg", 0xF000_0000),
        "compression bomb" => Zips.Build(CompressionLevel.SmallestSize, DataEntry(), ("bomb.bin", new byte[8 * 1024 * 1024])),
        "not a zip at all" => Zips.Text("PK, but only in spirit: this is plain text."),
        "an empty zip header" => [0x50, 0x4B, 0x05, 0x06],
        "a photo that is not an image, after a good one" => Zips.Build(
            DataEntry(Memory("Bonne", "photos/good.jpg"), Memory("Mauvaise", "photos/bad.jpg")),
            ("photos/good.jpg", Photo),
            ("photos/bad.jpg", Zips.Text("<html>not a photo</html>"))),
        "malformed data.json" => Zips.Build(("data.json", Zips.Text("""{ "format": "moi-aimer-toi", "memories": [ { "title": 3 } """))),
        "data.json of something else" => Zips.Build(("data.json", Zips.Text("""{ "name": "my-package", "version": "1.0.0" }"""))),
        "a photo missing from the zip" => Zips.Build(DataEntry(Memory("Absente", "photos/absent.jpg"))),
        "texts that break the rules" => Zips.Build(("data.json", Zips.Text(Data("""{ "title": "  ", "taken_on": "2999-01-01" }""")))),
        "two entries with one name" => Zips.Build(DataEntry(), DataEntry()),
        "neither an export nor the old site" => Zips.Build(("notes.txt", Zips.Text("hello"))),
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [InlineData("zip-slip", "unsafe file name")]
    [InlineData("zip-slip with backslashes", "unsafe file name")]
    [InlineData("absolute path", "unsafe file name")]
    [InlineData("drive letter", "unsafe file name")]
    [InlineData("huge declared entry", "too large once decompressed")]
    [InlineData("compression bomb", "suspiciously compressed")]
    [InlineData("not a zip at all", "not a readable ZIP")]
    [InlineData("an empty zip header", "not a readable ZIP")]
    [InlineData("a photo that is not an image, after a good one", "neither a photo")]
    [InlineData("malformed data.json", "not valid JSON")]
    [InlineData("data.json of something else", "does not come from Moi AIMER Toi")]
    [InlineData("a photo missing from the zip", "missing from the ZIP")]
    [InlineData("texts that break the rules", "Memory #1")]
    [InlineData("two entries with one name", "twice")]
    [InlineData("neither an export nor the old site", "neither an export")]
    public async Task A_Hostile_Or_Broken_Zip_Is_Refused_And_Changes_Nothing(string what, string reason)
    {
        await factory.SeededAsync();
        var before = await SiteState.SnapshotAsync(factory);

        var response = await factory.CreateKeyClient().PostAsync("/api/import", Zips.ImportForm(Build(what)));

        var error = await response.ErrorAsync(HttpStatusCode.BadRequest);
        Assert.Contains(reason, error);
        Assert.Equal(before, await SiteState.SnapshotAsync(factory));
    }

    [Fact]
    public async Task The_Same_Data_Json_With_Good_Photos_Is_Accepted()
    {
        using var fresh = new AppFactory();
        var zip = Zips.Build(DataEntry(Memory("Bonne", "photos/good.jpg"), Memory("Sans photo", null)), ("photos/good.jpg", Photo));

        var response = await fresh.CreateKeyClient().PostAsync("/api/import", Zips.ImportForm(zip));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.JsonAsync()).GetProperty("memories").GetInt32());
    }
}
