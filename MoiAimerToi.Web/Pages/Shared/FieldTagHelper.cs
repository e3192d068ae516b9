using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MoiAimerToi.Web.Pages.Shared;

/// <summary>
/// <c>&lt;field asp-for="Input.Title" label="…"&gt;&lt;/field&gt;</c>: one form field as every form shows it. The label,
/// the input named and filled by <c>asp-for</c> (a textarea, checkbox, file or any input <c>type</c>), an optional
/// help text, and the field's message from the model state, with <c>aria-invalid</c> and <c>aria-describedby</c>
/// pointing at them. <c>class</c> goes on the field; every other attribute goes on the input. Child content (a drop
/// zone, a progress bar) goes between the label and the input, or, for <c>type="select"</c>, inside the select (its
/// options). Ids: the input's <c>id</c> (from the name unless given), then <c>{id}-help</c> and <c>{id}-error</c>.
/// A field of a form that stands many times on one page (each dream's) gives its own <c>name</c> and <c>error</c>,
/// since the model state has one entry per name.
/// </summary>
[HtmlTargetElement("field", Attributes = "asp-for")]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";

    public string? Help { get; set; }

    /// <summary>An input type, or <c>textarea</c>, or <c>select</c>.</summary>
    public string Type { get; set; } = "text";

    /// <summary>The input's name, when not the one <c>asp-for</c> gives.</summary>
    public string? Name { get; set; }

    /// <summary>The field's message, when not the model state's.</summary>
    public string? Error { get; set; }

    public string? Id { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var name = Name ?? ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = Id ?? TagBuilder.CreateSanitizedId(name, "-");
        var message = Error ?? (ViewContext.ViewData.ModelState.TryGetValue(name, out var state) ? state.Errors.FirstOrDefault()?.ErrorMessage : null);

        var element = Type is "textarea" or "select" ? Type : "input";
        var input = new TagBuilder(element) { TagRenderMode = element == "input" ? TagRenderMode.SelfClosing : TagRenderMode.Normal };
        foreach (var attribute in output.Attributes.Where(a => a.Name != "class"))
        {
            input.MergeAttribute(attribute.Name, attribute.Value?.ToString() ?? "", replaceExisting: true);
        }

        input.MergeAttribute("id", id, replaceExisting: true);
        input.MergeAttribute("name", name, replaceExisting: true);
        input.MergeAttribute("aria-invalid", message is null ? "false" : "true", replaceExisting: true);
        input.MergeAttribute("aria-describedby", Help is null ? $"{id}-error" : $"{id}-help {id}-error", replaceExisting: true);
        var value = Convert.ToString(For.Model, CultureInfo.InvariantCulture) ?? "";
        var decoration = await output.GetChildContentAsync();
        switch (Type)
        {
            case "select":
                input.InnerHtml.AppendHtml(decoration);
                break;
            case "textarea":
                input.InnerHtml.Append(value);
                break;
            case "checkbox":
                input.MergeAttribute("type", Type);
                input.MergeAttribute("value", "true");
                if (For.Model is true)
                {
                    input.MergeAttribute("checked", "checked");
                }

                break;
            case "password" or "file":
                input.MergeAttribute("type", Type);
                break;
            default:
                input.MergeAttribute("type", Type);
                input.MergeAttribute("value", value);
                break;
        }

        var label = new TagBuilder("label");
        label.MergeAttribute("for", id);
        label.InnerHtml.Append(Label);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        var classes = context.AllAttributes.TryGetAttribute("class", out var extra) ? $"field {extra.Value}" : "field";
        output.Attributes.SetAttribute("class", classes);
        var content = output.Content;
        if (Type == "checkbox")
        {
            var inline = new TagBuilder("div");
            inline.AddCssClass("field-inline");
            inline.InnerHtml.AppendHtml(input).AppendHtml(label);
            content.AppendHtml(inline);
        }
        else
        {
            content.AppendHtml(label).AppendHtml(Type == "select" ? new HtmlString("") : decoration).AppendHtml(input);
        }

        if (Help is not null)
        {
            content.AppendHtml(Span($"{id}-help", "field-help", Help));
        }

        var error = Span($"{id}-error", "field-error", message ?? "");
        error.MergeAttribute("aria-live", "polite");
        content.AppendHtml(error);
    }

    private static TagBuilder Span(string id, string cssClass, string text)
    {
        var span = new TagBuilder("span");
        span.MergeAttribute("id", id);
        span.AddCssClass(cssClass);
        span.InnerHtml.Append(text);
        return span;
    }
}
