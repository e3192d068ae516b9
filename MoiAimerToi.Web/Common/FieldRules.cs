using System.Globalization;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Web.Common;

/// <summary>The checks every feature's fields share, with their messages in the request's language.</summary>
public sealed class FieldRules(IStringLocalizer<SharedResource> text)
{
    public const string DateFormat = "yyyy-MM-dd";

    public void Required(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, text["Error_Required", FieldName(field)]));
        }
    }

    /// <summary>The field must be sent, though it may be empty.</summary>
    public void Present(List<FieldError> errors, string field, string? value)
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, text["Error_Missing", FieldName(field)]));
        }
    }

    public void MaxLength(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new FieldError(field, text["Error_TooLong", FieldName(field), max]));
        }
    }

    /// <summary>Parses a <c>YYYY-MM-DD</c> date that is not after <paramref name="today"/>.</summary>
    public DateOnly? PastDate(List<FieldError> errors, string field, string? value, DateOnly today)
    {
        if (Date(errors, field, value) is not { } date)
        {
            return null;
        }

        if (date > today)
        {
            errors.Add(new FieldError(field, text["Error_DateInFuture", FieldName(field)]));
            return null;
        }

        return date;
    }

    /// <summary>Parses a <c>YYYY-MM-DD</c> date, any day.</summary>
    public DateOnly? Date(List<FieldError> errors, string field, string? value)
    {
        if (!DateOnly.TryParseExact(value?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new FieldError(field, text["Error_DateFormat", FieldName(field)]));
            return null;
        }

        return date;
    }

    /// <summary>Parses a <c>YYYY-MM-DD</c> date after <paramref name="today"/> (a letter's opening day).</summary>
    public DateOnly? FutureDate(List<FieldError> errors, string field, string? value, DateOnly today)
    {
        if (Date(errors, field, value) is not { } date)
        {
            return null;
        }

        if (date <= today)
        {
            errors.Add(new FieldError(field, text["Error_DateNotInFuture", FieldName(field)]));
            return null;
        }

        return date;
    }

    public string FieldName(string field) => text["Field_" + field];
}
