using AngleSharp.Html.Dom;

namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>Sends requests as htmx does: with <c>HX-Request</c> and, for POSTs, the antiforgery header from the page.</summary>
public static class Htmx
{
    public static Task<HttpResponseMessage> HtmxGetAsync(this HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Current-URL", "http://localhost/");
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> HtmxPostAsync(this HttpClient client, string url, string token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Current-URL", "http://localhost/");
        request.Headers.Add("RequestVerificationToken", token);
        return client.SendAsync(request);
    }

    /// <summary>Posts a form found in an htmx fragment to its <c>hx-post</c> URL, with the page's token, as htmx would.</summary>
    public static Task<HttpResponseMessage> HtmxSubmitAsync(
        this HttpClient client, IHtmlFormElement form, string token, IDictionary<string, string>? values = null)
    {
        var fields = Html.FormFields(form);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var url = form.GetAttribute("hx-post") ?? throw new Xunit.Sdk.XunitException("The form has no hx-post.");
        return client.HtmxPostAsync(url, token, fields);
    }

    /// <summary>The URL of the htmx GET an element would make.</summary>
    public static string HxGet(this IHtmlDocument document, string selector) =>
        document.QuerySelector(selector)?.GetAttribute("hx-get") ?? throw new Xunit.Sdk.XunitException($"No hx-get on '{selector}'.");
}
