namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>The checkout the tests run from, for the few tests that read the site's own sources.</summary>
public static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    private static string Find(string from)
    {
        for (var folder = new DirectoryInfo(from); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MoiAimerToi.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No MoiAimerToi.sln above {from}.");
    }
}
