using Microsoft.AspNetCore.Authorization;
using MoiAimerToi.Web.Accounts;

namespace MoiAimerToi.Web.Site;

/// <summary>
/// Who may read the site's content: anyone while it is Public, only its accounts (partners and guests) while it is
/// Private. The fallback policy of every endpoint that says nothing else; the API names it with its own schemes.
/// </summary>
public sealed class VisibleSite : IAuthorizationRequirement
{
    public sealed class Handler(VisibilityService visibility) : AuthorizationHandler<VisibleSite>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, VisibleSite requirement)
        {
            if (visibility.IsPublic || AppClaims.IsMember(context.User))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
