using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MoiAimerToi.Web.Accounts;

/// <summary>Creates the first account once, however many visitors try at the same moment.</summary>
public sealed class FirstAccountService(UserManager<AppUser> users, AccountState state, TimeProvider time)
{
    /// <returns>Null when an account already existed; otherwise Identity's verdict.</returns>
    public async Task<IdentityResult?> CreateAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        await state.CreationGate.WaitAsync(cancellationToken);
        try
        {
            if (state.HasAccount || await users.Users.AnyAsync(cancellationToken))
            {
                state.AccountExists();
                return null;
            }

            var result = await users.CreateAsync(AppUserFactory.FirstPartner(userName, time), password);
            if (result.Succeeded)
            {
                state.AccountExists();
            }

            return result;
        }
        finally
        {
            state.CreationGate.Release();
        }
    }
}
