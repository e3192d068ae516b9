using Microsoft.Extensions.Options;

namespace MoiAimerToi.Web.Storage;

/// <summary>Every path the site writes to, all under the one data directory.</summary>
public sealed class DataPaths
{
    public DataPaths(IOptions<StorageOptions> options, IWebHostEnvironment environment)
    {
        Root = Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(Root);
        // The folders exist from the first start on, whatever is first written to them.
        foreach (var folder in new[] { Uploads, Originals, Keys, Backups })
        {
            Directory.CreateDirectory(folder);
        }
    }

    public string Root { get; }

    public string Database => Path.Combine(Root, "moi_aimer_toi.db");

    public string ConnectionString => $"Data Source={Database};Foreign Keys=True;Pooling=True";

    public string Uploads => Subfolder("uploads");

    /// <summary>Each photo and video exactly as uploaded (<see cref="Media.OriginalFiles"/>); never served by <c>/uploads/</c>.</summary>
    public string Originals => Subfolder("originals");

    public string Keys => Subfolder("keys");

    public string Backups => Subfolder("backups");

    /// <summary>
    /// There while <c>restore</c> puts a site back: the orphan sweep does nothing then, since the files the snapshot does
    /// not name may be the old site's not yet moved aside. A restore cut short leaves it, and says so.
    /// </summary>
    public string RestoreUnderWay => Path.Combine(Root, "restore-under-way");

    /// <summary>Scratch files: uploads while they stream in, ffmpeg's poster frames, Magick.NET's own (decoding a HEIC photo).</summary>
    public string Scratch => Subfolder("tmp");

    private string Subfolder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
