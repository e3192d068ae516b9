namespace MoiAimerToi.Web.Common;

/// <summary>What kind of wrong: the API answers 400, 413, 415, 401, 409, 422 or 503 for them.</summary>
public enum ErrorKind
{
    Invalid,
    TooLarge,
    UnsupportedMedia,

    /// <summary>Credentials that do not sign anyone in; not about one field.</summary>
    Refused,

    /// <summary>Right in form, wrong for what it names (sharing a "just us" memory): the API answers 409.</summary>
    Conflict,

    /// <summary>A video longer than allowed: the API answers 422.</summary>
    TooLong,

    /// <summary>What the machine lacks (ffmpeg for a video), not the request: the API answers 503.</summary>
    Unavailable,
}

/// <summary>A rule broken by one field; <see cref="Field"/> is the API's snake_case name.</summary>
public sealed record FieldError(string Field, string Message, ErrorKind Kind = ErrorKind.Invalid);

/// <summary>The result of a change: the saved value, or why nothing was saved.</summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, IReadOnlyList<FieldError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    public static Outcome<T> Success(T value) => new(value, []);

    public static Outcome<T> Failure(IReadOnlyList<FieldError> errors) => new(default, errors);

    public static implicit operator Outcome<T>(T value) => Success(value);
}
