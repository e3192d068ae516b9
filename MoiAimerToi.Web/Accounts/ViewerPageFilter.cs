using System.Reflection;
using System.Security.Claims;
using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc;

namespace MoiAimerToi.Web.Accounts;

/// <summary>
/// On every page: evaluates the policies once into the request's <see cref="Viewer"/>, and refuses a handler
/// marked <see cref="EditorOnlyAttribute"/> to anyone who may not edit (the page itself stays readable).
/// </summary>
public sealed class ViewerPageFilter(IAuthorizationService authorization, Viewer viewer, Audience audience) : IAsyncPageFilter
{
    public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        var user = context.HttpContext.User;
        viewer.IsSignedIn = (await authorization.AuthorizeAsync(user, Policies.Member)).Succeeded;
        viewer.CanEdit = (await authorization.AuthorizeAsync(user, Policies.Editor)).Succeeded;
        viewer.UserId = viewer.IsSignedIn ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        viewer.PerspectiveNumber = viewer.CanEdit ? AppClaims.PerspectiveOf(user) : null;
        audience.Is(user);
        if (viewer.IsSignedIn)
        {
            // A page rendered for someone signed in is theirs: no proxy, no browser cache and no service worker keeps it.
            context.HttpContext.Response.Headers.CacheControl = "private, no-store";
        }
    }

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (viewer.CanEdit || context.HandlerMethod?.MethodInfo.GetCustomAttribute<EditorOnlyAttribute>() is null)
        {
            await next();
            return;
        }

        if (context.HttpContext.Request.IsHtmx())
        {
            // htmx would swap the login page into a fragment; send the whole window there instead.
            var request = context.HttpContext.Request;
            var returnUrl = request.Headers["HX-Current-URL"].FirstOrDefault() is { } current && Uri.TryCreate(current, UriKind.Absolute, out var uri)
                ? uri.PathAndQuery
                : "/";
            context.HttpContext.Response.Htmx(h => h.Redirect($"/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}"));
            context.Result = new StatusCodeResult(viewer.IsSignedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
            return;
        }

        context.Result = viewer.IsSignedIn ? new ForbidResult() : new ChallengeResult();
    }
}
