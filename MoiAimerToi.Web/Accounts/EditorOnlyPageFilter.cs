using System.Reflection;
using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MoiAimerToi.Web.Accounts;

public sealed class EditorOnlyPageFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod?.MethodInfo.GetCustomAttribute<EditorOnlyAttribute>() is null)
        {
            await next();
            return;
        }

        var user = context.HttpContext.User;
        if ((await authorization.AuthorizeAsync(user, Policies.Editor)).Succeeded)
        {
            await next();
            return;
        }

        var signedIn = user.Identity?.IsAuthenticated == true;
        if (context.HttpContext.Request.IsHtmx())
        {
            // htmx would swap the login page into a fragment; send the whole window there instead.
            var request = context.HttpContext.Request;
            var returnUrl = request.Headers["HX-Current-URL"].FirstOrDefault() is { } current && Uri.TryCreate(current, UriKind.Absolute, out var uri)
                ? uri.PathAndQuery
                : "/";
            context.HttpContext.Response.Htmx(h => h.Redirect($"/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}"));
            context.Result = new StatusCodeResult(signedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
            return;
        }

        context.Result = signedIn ? new ForbidResult() : new ChallengeResult();
    }
}
