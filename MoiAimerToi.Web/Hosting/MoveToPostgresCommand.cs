using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Storage;
using MoiAimerToi.Web.Transfer;

namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// <c>move-to-postgres --to &lt;postgres://… or a connection string&gt;</c>: copies this SQLite site into an empty
/// PostgreSQL database and, with <c>S3:Bucket</c> (or <c>S3_BUCKET</c>) set, its files into that bucket
/// (<see cref="SiteMove"/>). The site is only read: it may keep running, and nothing of it changes.
/// </summary>
public static class MoveToPostgresCommand
{
    public const string Name = "move-to-postgres";
    private const string Usage = "Usage: dotnet run --project MoiAimerToi.Web -- move-to-postgres --to postgres://user:password@host:5432/database";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        var to = args.SkipWhile(a => a != "--to").Skip(1).FirstOrDefault();
        if (to is null || args.Count != 2)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres)
        {
            Console.Error.WriteLine("This site already keeps its rows in PostgreSQL (DATABASE_URL or ConnectionStrings:Postgres is set): there is nothing to move.");
            return 1;
        }

        string target;
        try
        {
            target = to.Contains("://", StringComparison.Ordinal) ? DatabaseUrl.ToConnectionString(to) : DatabaseUrl.CheckConnectionString(to);
        }
        catch (FormatException problem)
        {
            Console.Error.WriteLine(problem.Message.Replace(DatabaseOptions.UrlVariable, "--to", StringComparison.Ordinal));
            return 2;
        }

        MoveReport report;
        try
        {
            report = await services.GetRequiredService<SiteMove>().MoveAsync(target, CancellationToken.None);
        }
        catch (Exception failure) when (failure is MoveRefusedException or FileStoreUnavailableException or Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine($"Not moved: {failure.Message}");
            return 1;
        }

        foreach (var table in report.Tables.Where(t => t.Source > 0))
        {
            Console.WriteLine($"{table.Name}: {table.Source} rows, {table.Target} in PostgreSQL");
        }

        Console.WriteLine($"The key ring: {report.Keys} keys, so sign-ins and share links go on working.");
        Console.WriteLine(report.Bucket is { } bucket
            ? $"Files: {report.FilesCopied} copied to {bucket} and checked, {report.FilesAlreadyThere} already there. Start the site with DATABASE_URL, Storage:Files=s3 and the S3 settings."
            : "Files: none moved (no S3:Bucket): they stay in the data folder. Start the site with DATABASE_URL and this data folder.");
        Console.WriteLine("This site was only read: it is as it was. Stop it once the new one answers.");
        return 0;
    }
}
