using System.Net;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Io;

namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>Reads answers as a person's browser would: as HTML documents with forms to fill and submit.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Parses a fragment (an htmx answer) inside a body, so <c>QuerySelector</c> finds its root.</summary>
    public static async Task<IHtmlDocument> ParseFragmentAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync("<!DOCTYPE html><html><body>" + await response.Content.ReadAsStringAsync() + "</body></html>");

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    /// <summary>
    /// Submits a form as a browser would: every input, textarea and select with its current value
    /// (the antiforgery field included), then <paramref name="values"/> over them.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlFormElement form, IDictionary<string, string>? values = null, IHtmlElement? submitter = null)
    {
        var fields = FormFields(form, submitter);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : "";
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Sends a form's fields to another address, as a script does (the passkey script, to its options handler).</summary>
    public static Task<HttpResponseMessage> SubmitToAsync(this HttpClient client, string action, IHtmlFormElement form, IDictionary<string, string>? values = null)
    {
        var fields = FormFields(form);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Submits a <c>multipart/form-data</c> form with its fields and one file, as a browser uploads a photo.</summary>
    public static Task<HttpResponseMessage> SubmitWithFileAsync(
        this HttpClient client, IHtmlFormElement form, string fileField, byte[] file, string fileName,
        IDictionary<string, string>? values = null, IDictionary<string, string>? headers = null)
    {
        var content = new MultipartFormDataContent();
        var fields = FormFields(form);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(file), fileField, fileName);
        var request = new HttpRequestMessage(System.Net.Http.HttpMethod.Post, form.GetAttribute(headers is null ? "action" : "hx-post")) { Content = content };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return client.SendAsync(request);
    }

    public static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form, IHtmlElement? submitter = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value ?? ""));
                    }

                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is not ("submit" or "button" or "file"):
                    fields.Add(new(name, input.Value ?? ""));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } textArea:
                    fields.Add(new(name, textArea.Value ?? ""));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }

        if (submitter is IHtmlButtonElement { Name: { Length: > 0 } buttonName } button)
        {
            fields.Add(new(buttonName, button.Value));
        }

        return fields;
    }

    public static IHtmlFormElement Form(this IHtmlDocument document, string selector) =>
        document.QuerySelector(selector) as IHtmlFormElement
        ?? throw new Xunit.Sdk.XunitException($"No form matches '{selector}'.");

    /// <summary>The antiforgery token the layout hands to htmx in its <c>htmx-config</c> meta tag.</summary>
    public static string HtmxToken(this IHtmlDocument document)
    {
        var content = document.QuerySelector("meta[name=htmx-config]")?.GetAttribute("content")
            ?? throw new Xunit.Sdk.XunitException("The page has no htmx-config meta tag.");
        using var config = JsonDocument.Parse(content);
        return WebUtility.HtmlDecode(config.RootElement.GetProperty("antiForgery").GetProperty("requestToken").GetString()!);
    }

    /// <summary>The antiforgery token of the page's first form (a visitor's pages carry none but the login form's).</summary>
    public static string FormToken(this IHtmlDocument document) =>
        document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new Xunit.Sdk.XunitException("The page has no form with an antiforgery token.");

    public static string Text(this IHtmlDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"Nothing matches '{selector}'.");
}
