using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Media;
using MoiAimerToi.Web.Photos;
using MoiAimerToi.Web.Storage;
using SixLabors.ImageSharp;

namespace MoiAimerToi.Tests.Photos;

/// <summary>A pipeline on its own temporary data directory, deleted afterwards.</summary>
public sealed class PipelineHarness : IDisposable
{
    public PipelineHarness(PhotoOptions? options = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", Guid.NewGuid().ToString("N"));
        Paths = new DataPaths(Options.Create(new StorageOptions { DataDirectory = root }), new FakeEnvironment(root));
        Pipeline = new PhotoPipeline(
            Paths, new OriginalFiles(Paths, NullLogger<OriginalFiles>.Instance), Options.Create(options ?? new PhotoOptions()), Clock, NullLogger<PhotoPipeline>.Instance);
        Files = new PhotoFiles(Paths);
    }

    public DataPaths Paths { get; }

    public TestClock Clock { get; } = new();

    public PhotoPipeline Pipeline { get; }

    public PhotoFiles Files { get; }

    public string[] UploadedNames() => Directory.GetFiles(Paths.Uploads).Select(Path.GetFileName).OfType<string>().Order().ToArray();

    public Task<StoredPhoto> StoreAsync(byte[] bytes) => Pipeline.StoreAsync(new MemoryStream(bytes));

    public Image Load(string fileName) => Image.Load(Path.Combine(Paths.Uploads, fileName));

    public byte[] Bytes(string fileName) => File.ReadAllBytes(Path.Combine(Paths.Uploads, fileName));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Paths.Root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's own cleaning.
        }
    }

    private sealed class FakeEnvironment(string contentRoot) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = contentRoot;
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "MoiAimerToi.Tests";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = contentRoot;
        public string EnvironmentName { get; set; } = "Test";
    }
}
