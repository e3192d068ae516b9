using Microsoft.AspNetCore.Identity;

namespace MoiAimerToi.Web.Accounts;

public sealed class AppUser : IdentityUser;
