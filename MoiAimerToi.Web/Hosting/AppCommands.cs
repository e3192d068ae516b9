
namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// Maintenance commands run instead of the web server:
/// <c>dotnet run --project MoiAimerToi.Web -- &lt;command&gt; &lt;arguments&gt;</c>.
/// </summary>
public static class AppCommands
{
    private static readonly Dictionary<string, Func<IServiceProvider, IReadOnlyList<string>, Task<int>>> Commands = new()
    {
        [ResetPasswordCommand.Name] = ResetPasswordCommand.RunAsync,
        [LegacyImportCommand.Name] = LegacyImportCommand.RunAsync,
        [RestoreCommand.Name] = RestoreCommand.RunAsync,
        [MoveToPostgresCommand.Name] = MoveToPostgresCommand.RunAsync,
    };

    /// <summary>
    /// A restore puts a database in place, and a move only reads the site's: they run before anything opens the
    /// database, brings it up to date or makes one.
    /// </summary>
    public static bool RunsBeforeData(string command) => command is RestoreCommand.Name or MoveToPostgresCommand.Name;

    /// <summary>A command is a first argument that is not an option (options start with '-').</summary>
    public static (string? Command, string[] HostArgs) Split(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') ? (args[0], []) : (null, args);

    public static async Task<int> RunAsync(WebApplication app, string command, string[] args)
    {
        if (!Commands.TryGetValue(command, out var run))
        {
            Console.Error.WriteLine($"Unknown command '{command}'. Commands: {string.Join(", ", Commands.Keys)}.");
            return 2;
        }

        return await run(app.Services, args[1..]);
    }
}
