using System.Text;
using Microsoft.AspNetCore.Identity;
using MoiAimerToi.Web.Accounts;

namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// <c>reset-password &lt;user&gt;</c>: for a forgotten password, from the server's shell. The new password is read
/// from standard input (<c>… reset-password camille &lt; file</c>, or piped) or typed at a prompt that does not show
/// it, never taken from the command line, where the shell's history and the process list would keep it.
/// </summary>
public static class ResetPasswordCommand
{
    public const string Name = "reset-password";
    private const string Usage = "Usage: dotnet run --project MoiAimerToi.Web -- reset-password <user name>  (the new password is then read from standard input or a hidden prompt)";

    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args) => RunAsync(services, args, ReadPassword);

    /// <param name="readPassword">Where the new password comes from; null when none was given.</param>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, Func<string?> readPassword)
    {
        if (args.Count != 1)
        {
            Console.Error.WriteLine(args.Count > 1
                ? "The new password is never given on the command line, where the shell's history and the process list keep it. " + Usage
                : Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(args[0]);
        if (user is null)
        {
            Console.Error.WriteLine($"No account is named '{args[0]}'.");
            return 1;
        }

        if (readPassword() is not { Length: > 0 } password)
        {
            Console.Error.WriteLine("No new password was given; nothing changed.");
            return 1;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            return 1;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Console.WriteLine($"The password of '{user.UserName}' is changed; every session signed in before is signed out.");
        return 0;
    }

    /// <summary>The first line of standard input when it is redirected; otherwise a prompt that echoes nothing.</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        Console.Error.Write("New password (not shown): ");
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
