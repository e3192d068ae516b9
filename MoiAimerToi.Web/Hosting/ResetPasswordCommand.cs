using Microsoft.AspNetCore.Identity;
using MoiAimerToi.Web.Accounts;

namespace MoiAimerToi.Web.Hosting;

/// <summary><c>reset-password &lt;user&gt; &lt;new password&gt;</c>: for a forgotten password, from the server's shell.</summary>
public static class ResetPasswordCommand
{
    public const string Name = "reset-password";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        if (args.Count != 2)
        {
            Console.Error.WriteLine("Usage: dotnet run --project MoiAimerToi.Web -- reset-password <user name> <new password>");
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

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, args[1]);
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
}
