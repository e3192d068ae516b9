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

/// <summary>A pipeline on its own temporary data directory, deleted afterwards; its files in that folder, or in the store given.</summary>
public sealed class PipelineHarness : IDisposable
{
    public PipelineHarness(PhotoOptions? options = null, Func<DataPaths, IFileStore>? store = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", Guid.NewGuid().ToString("N"));
        Paths = new DataPaths(Options.Create(new StorageOptions { DataDirectory = root }), new FakeEnvironment(root));
        Store = store?.Invoke(Paths) ?? new FolderFileStore(Paths, NullLogger<FolderFileStore>.Instance);
        Pipeline = new PhotoPipeline(
            Paths, Store, new OriginalFiles(Paths, Store, NullLogger<OriginalFiles>.Instance), Options.Create(options ?? new PhotoOptions()), Clock, NullLogger<PhotoPipeline>.Instance);
        Files = new PhotoFiles(Store);
    }

    public DataPaths Paths { get; }

    public IFileStore Store { get; }

    public TestClock Clock { get; } = new();

    public PhotoPipeline Pipeline { get; }

    public PhotoFiles Files { get; }

    public string[] UploadedNames() => Store.ListAsync(FileArea.Uploads, CancellationToken.None).ToBlockingEnumerable().Select(f => f.Name).Order().ToArray();

    /// <summary>Puts a file of these bytes in the store's uploads as it is, as something other than the pipeline would.</summary>
    public async Task PutAsync(string name, byte[] bytes)
    {
        var scratch = StoredFiles.NewScratchFile(Paths);
        await File.WriteAllBytesAsync(scratch, bytes);
        await Store.PutAsync(FileArea.Uploads, name, scratch, CancellationToken.None);
    }

    public Task<StoredPhoto> StoreAsync(byte[] bytes) => Pipeline.StoreAsync(new MemoryStream(bytes));

    public Image Load(string fileName) => Image.Load(Bytes(fileName));

    /// <summary>A stored file's bytes, read through the store.</summary>
    public byte[] Bytes(string fileName)
    {
        var file = Store.FindAsync(FileArea.Uploads, fileName, CancellationToken.None).GetAwaiter().GetResult() ?? throw new FileNotFoundException(fileName);
        using var stream = Store.OpenReadAsync(FileArea.Uploads, file, CancellationToken.None).GetAwaiter().GetResult();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

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
