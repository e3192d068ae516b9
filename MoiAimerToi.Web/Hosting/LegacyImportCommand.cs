using System.Globalization;
using MoiAimerToi.Web.Transfer;

namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// <c>import-legacy &lt;old .db file&gt; &lt;old uploads folder&gt; [--replace]</c>: moves the old Flask site in,
/// from the server's shell. A site that already has memories or perspectives is only replaced with <c>--replace</c>.
/// The site is then Public, as the old one was.
/// </summary>
public static class LegacyImportCommand
{
    public const string Name = "import-legacy";
    private const string ReplaceOption = "--replace";
    private const string Usage = "Usage: dotnet run --project MoiAimerToi.Web -- import-legacy <old .db file> <old uploads folder> [--replace]";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        var replace = args.Contains(ReplaceOption);
        var paths = args.Where(a => a != ReplaceOption).ToList();
        if (paths.Count != 2)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var (database, uploads) = (Path.GetFullPath(paths[0]), Path.GetFullPath(paths[1]));
        if (!File.Exists(database) || !Directory.Exists(uploads))
        {
            Console.Error.WriteLine(File.Exists(database) ? $"No folder '{uploads}'." : $"No file '{database}'.");
            return 1;
        }

        // The messages of a shell command are English, like the other commands'.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        await using var scope = services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<ExportService>().CountAsync();
        if (!replace && (counts.Memories > 0 || counts.Perspectives > 0))
        {
            Console.Error.WriteLine(
                $"This site already has {counts.Memories} memories and {counts.Perspectives} perspectives. "
                + $"Run again with {ReplaceOption} to replace them (and its texts) with the old site's.");
            return 1;
        }

        var importer = scope.ServiceProvider.GetRequiredService<LegacyImportService>();
        try
        {
            var summary = await importer.ImportAsync(database, new FolderPhotoSource(uploads), userId: null, CancellationToken.None);
            Console.WriteLine(Describe(summary));
            // The old site was open to anyone, and its clients read without a token: so is the site it moved into.
            var visibility = services.GetRequiredService<Site.VisibilityService>();
            if (visibility.Current != Site.SiteVisibility.Public)
            {
                await visibility.SetAsync(Site.SiteVisibility.Public, null);
                Console.WriteLine("The site is Public, as the old one was; make it Private in /settings.");
            }

            return 0;
        }
        catch (ImportRefusedException refused)
        {
            Console.Error.WriteLine($"Nothing was imported: {refused.Message}");
            return 1;
        }
    }

    public static string Describe(ImportSummary summary)
    {
        var lines = new List<string>
        {
            $"Imported: memories {summary.Memories} ({summary.Photos} with a photo), perspectives {summary.Perspectives}, and the couple's texts.",
            summary.Skipped.Count == 0 ? "Nothing was skipped." : $"Skipped {summary.Skipped.Count}:",
        };
        lines.AddRange(summary.Skipped.Select(s => $"  - {s.Item}: {s.Reason}"));
        return string.Join(Environment.NewLine, lines);
    }
}
