using System.Net;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;

namespace MoiAimerToi.Tests.Media;

/// <summary>A folder standing in for ffmpeg's: the real ffprobe, and an ffmpeg that does what the test says.</summary>
public abstract class FakeFfmpegSite : AppFactory
{
    protected FakeFfmpegSite(string? ffmpegScript, int timeoutSeconds = 600)
    {
        Folder = Path.Combine(DataDirectory, "..", "ffmpeg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        if (ffmpegScript is not null)
        {
            File.CreateSymbolicLink(Path.Combine(Folder, "ffprobe"), "/usr/bin/ffprobe");
            var ffmpeg = Path.Combine(Folder, "ffmpeg");
            File.WriteAllText(ffmpeg, "#!/bin/sh\n" + ffmpegScript + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(ffmpeg, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Settings["Media:FfmpegFolder"] = Folder;
        Settings["Media:TranscodeTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Media:MaxVideoBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Folder { get; }
}

/// <summary>A machine without ffmpeg.</summary>
public sealed class NoFfmpegSite() : FakeFfmpegSite(ffmpegScript: null);

/// <summary>An ffmpeg that hangs: the transcode's time runs out.</summary>
public sealed class HangingFfmpegSite() : FakeFfmpegSite("sleep 300", timeoutSeconds: 2);

/// <summary>An ffmpeg that writes half a file and crashes.</summary>
public sealed class CrashingFfmpegSite() : FakeFfmpegSite("for last; do :; done\nhead -c 1000 /dev/urandom > \"$last\"\nkill -SEGV $$");

/// <summary>An ffmpeg that finds the disk full.</summary>
public sealed class DiskFullFfmpegSite() : FakeFfmpegSite("echo 'av_interleaved_write_frame(): No space left on device' >&2\nexit 1");

public class NoFfmpegTests(NoFfmpegSite factory) : IClassFixture<NoFfmpegSite>
{
    [Fact]
    public async Task A_Video_Without_Ffmpeg_Is_A_503_That_Says_What_To_Install_And_Photos_Still_Work()
    {
        var api = factory.CreateKeyClient();
        var id = await AlbumApiTests.CreateMemoryAsync(api);

        using var form = AlbumApiTests.FileForm(TestVideos.IphoneMov(), "IMG_0042.MOV");
        var response = await api.PostAsync($"/api/memories/{id}/media", form);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("apt-get install ffmpeg", (await response.JsonAsync()).GetProperty("error").GetString());
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(factory.DataDirectory, "originals")), f => f.EndsWith(".mov", StringComparison.Ordinal));
        await AlbumApiTests.AddAsync(api, id, TestImages.Jpeg(64, 48), "a.jpg");
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().GetAsync($"/memories/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_Video_Over_The_Size_Limit_Is_A_413_Refused_As_It_Streams_In()
    {
        var api = factory.CreateKeyClient();
        var id = await AlbumApiTests.CreateMemoryAsync(api);
        var big = new byte[3 * 1024 * 1024];
        TestVideos.IphoneMov().CopyTo(big, 0);

        // No length announced: the limit is met while the body arrives, and nothing of it stays.
        var content = new MultipartFormDataContent { { new StreamContent(new MemoryStream(big)), "file", "big.mov" } };
        content.Headers.ContentLength = null;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/memories/{id}/media") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(factory.DataDirectory, "originals")), f => f.EndsWith(".mov", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "tmp")));
    }
}

public abstract class FailingFfmpegTests<TSite>(TSite factory, string reason) where TSite : FakeFfmpegSite
{
    [Fact]
    public async Task The_Video_Is_Marked_Failed_With_A_Reason_And_No_Stray_File_And_The_Original_Intact()
    {
        var api = factory.CreateKeyClient();
        var id = await AlbumApiTests.CreateMemoryAsync(api);
        await AlbumApiTests.AddAsync(api, id, TestVideos.IphoneMov(), "IMG_0042.MOV", HttpStatusCode.Accepted);

        var memory = await VideoTests.ReadyAsync(api, id);

        Assert.Equal("failed", memory.GetProperty("media")[0].GetProperty("status").GetString());
        // The partners read why; a visitor sees only what is ready.
        var page = await (await factory.SignedInBrowserAsync()).GetPageAsync($"/memories/{id}");
        Assert.Contains(reason, page.Text(".album-waiting.is-failed"));
        Assert.Null((await factory.CreateBrowser().GetPageAsync($"/memories/{id}")).QuerySelector(".album-slide"));
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploads")));
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "tmp")));
        var original = Assert.Single(Directory.GetFiles(Path.Combine(factory.DataDirectory, "originals")));
        Assert.Equal(TestVideos.IphoneMov(), File.ReadAllBytes(original));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().GetAsync($"/memories/{id}")).StatusCode);
    }
}

public class HangingFfmpegTests(HangingFfmpegSite factory) : FailingFfmpegTests<HangingFfmpegSite>(factory, "trop de temps"), IClassFixture<HangingFfmpegSite>;

public class CrashingFfmpegTests(CrashingFfmpegSite factory) : FailingFfmpegTests<CrashingFfmpegSite>(factory, "n’a pas pu être lue"), IClassFixture<CrashingFfmpegSite>;

public class DiskFullFfmpegTests(DiskFullFfmpegSite factory) : FailingFfmpegTests<DiskFullFfmpegSite>(factory, "disque est plein"), IClassFixture<DiskFullFfmpegSite>;

/// <summary>A video that failed for want of room is prepared again once the machine is mended, from its kept original.</summary>
public class RetryFailedVideoTests(DiskFullFfmpegSite factory) : IClassFixture<DiskFullFfmpegSite>
{
    [Fact]
    public async Task Preparer_A_Nouveau_Prepares_It_From_Its_Original()
    {
        var api = factory.CreateKeyClient();
        var id = await AlbumApiTests.CreateMemoryAsync(api);
        await AlbumApiTests.AddAsync(api, id, TestVideos.IphoneMov(), "IMG_0042.MOV", HttpStatusCode.Accepted);
        var failed = (await VideoTests.ReadyAsync(api, id)).GetProperty("media")[0];
        Assert.Equal("failed", failed.GetProperty("status").GetString());

        // Room made: the real ffmpeg again.
        File.Delete(Path.Combine(factory.Folder, "ffmpeg"));
        File.CreateSymbolicLink(Path.Combine(factory.Folder, "ffmpeg"), "/usr/bin/ffmpeg");
        var browser = await factory.SignedInBrowserAsync();
        var page = await browser.GetPageAsync($"/memories/{id}");
        var retry = await browser.SubmitAsync(page.Form("form[action*='handler=RetryMedia']"));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);

        var video = (await VideoTests.ReadyAsync(api, id)).GetProperty("media")[0];
        Assert.Equal("ready", video.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(video.GetProperty("url").GetString())).StatusCode);
    }
}

/// <summary>A photo is held to the photo's limit while it streams in, well before the video's.</summary>
public class PhotoLimitWhileStreamingTests(SmallPhotoLimitSite factory) : IClassFixture<SmallPhotoLimitSite>
{
    [Fact]
    public async Task A_Photo_Over_The_Photo_Limit_Is_A_413_With_The_Photos_Limit_And_Nothing_Kept()
    {
        var api = factory.CreateKeyClient();
        var id = await AlbumApiTests.CreateMemoryAsync(api);
        var big = TestImages.Jpeg(1200, 900).Concat(new byte[300_000]).ToArray();

        using var form = AlbumApiTests.FileForm(big, "big.jpg");
        var response = await api.PostAsync($"/api/memories/{id}/media", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("photo", (await response.JsonAsync()).GetProperty("error").GetString());
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "tmp")));
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "originals")));
    }
}

public sealed class SmallPhotoLimitSite : AppFactory
{
    public SmallPhotoLimitSite() => Settings["Photos:MaxUploadBytes"] = "200000";
}
