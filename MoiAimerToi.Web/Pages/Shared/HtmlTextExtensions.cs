using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace MoiAimerToi.Web.Pages.Shared;

public static class HtmlTextExtensions
{
    /// <summary>Plain text as encoded paragraphs: a blank line starts a paragraph, a single newline breaks a line.</summary>
    public static IHtmlContent Paragraphs(this IHtmlHelper html, string text)
    {
        var content = new HtmlContentBuilder();
        var paragraphs = text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            content.AppendHtml("<p>");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    content.AppendHtml("<br>");
                }

                content.Append(lines[i]);
            }

            content.AppendHtml("</p>");
        }

        return content;
    }
}
