using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace MoiAimerToi.Web.Pages.Shared;

/// <summary>
/// The content of the layout's <c>htmx-config</c> meta tag: htmx runs nothing but the site's own files and
/// keeps no history copies; for those who may edit it also holds the antiforgery token that
/// <c>js/htmx-antiforgery.js</c> adds to every request that changes something.
/// </summary>
public static class HtmxConfig
{
    public static string For(AntiforgeryTokenSet? tokens)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteBoolean("allowEval", false);
            json.WriteBoolean("selfRequestsOnly", true);
            json.WriteBoolean("allowScriptTags", false);
            json.WriteNumber("historyCacheSize", 0);
            json.WriteBoolean("includeIndicatorStyles", false);
            // Not "style": htmx would copy style attributes during a swap, which the CSP forbids.
            json.WriteStartArray("attributesToSettle");
            json.WriteStringValue("class");
            json.WriteStringValue("width");
            json.WriteStringValue("height");
            json.WriteEndArray();
            if (tokens is { RequestToken: { } token, HeaderName: { } header })
            {
                json.WriteStartObject("antiForgery");
                json.WriteString("formFieldName", tokens.FormFieldName);
                json.WriteString("headerName", header);
                json.WriteString("requestToken", token);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
