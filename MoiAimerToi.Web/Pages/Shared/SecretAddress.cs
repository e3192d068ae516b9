namespace MoiAimerToi.Web.Pages.Shared;

/// <summary>A page whose address is a secret (an invitation, a reset link, a share link).</summary>
public static class SecretAddress
{
    /// <summary>No cache or service worker keeps the page, and no other site learns its address from a Referer.</summary>
    public static void KeepSecret(this HttpResponse response)
    {
        response.Headers.CacheControl = "private, no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
