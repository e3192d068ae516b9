using MoiAimerToi.Web.Common;

namespace MoiAimerToi.Web.Transfer;

/// <summary>Why an import changed nothing, in words for the person who sent the file.</summary>
public sealed class ImportRefusedException(string message, ErrorKind kind = ErrorKind.Invalid, Exception? inner = null)
    : Exception(message, inner)
{
    public ErrorKind Kind { get; } = kind;

    public FieldError ToFieldError() => new("file", Message, Kind);
}
