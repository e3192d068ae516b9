using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace MoiAimerToi.Web.Transfer;

/// <summary>
/// <c>data.json</c>, the readable heart of an export: the couple's texts, every memory (with the ZIP entry of
/// its photo), the perspectives and the couple's own dates. Dates are <c>YYYY-MM-DD</c>, timestamps ISO 8601 in UTC without offset.
/// Every field is optional when read, so a damaged file is answered with the rule it breaks, not a crash.
/// </summary>
public sealed record ExportDocument(
    string? Format,
    int? Version,
    DateTime? ExportedAt,
    ExportCouple? Couple,
    IReadOnlyList<ExportMemory?>? Memories,
    IReadOnlyList<ExportPerspective?>? Perspectives,
    IReadOnlyList<ExportDate?>? Dates = null,
    IReadOnlyList<ExportDream?>? Dreams = null,
    IReadOnlyList<ExportLetter?>? Letters = null)
{
    public const string EntryName = "data.json";
    public const string FormatName = "moi-aimer-toi";
    public const int CurrentVersion = 1;

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // The file is read by people, never embedded in a page: accents stay accents.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        MaxDepth = 16,
    };
}

/// <param name="Monthsaries">Additive: older exports have none, and the site's choice stays.</param>
public sealed record ExportCouple(string? StartDate, string? HomeMessage, string? IntroText, bool? Monthsaries = null);

/// <summary>One of the couple's own dates (additive: an older export has no <c>dates</c>, and an import of it keeps the site's).</summary>
public sealed record ExportDate(string? Title, string? Date, bool? Yearly);

/// <summary>
/// A letter its reader may read: one they wrote (sealed or not), or one opened for them. <paramref name="From"/> is its
/// author's user name, <paramref name="To"/> "partner" or "both", <paramref name="Photos"/> its photos' entries in the ZIP.
/// </summary>
public sealed record ExportLetter(string? From, string? To, string? OpensOn, string? Content, IReadOnlyList<string?>? Photos);

/// <summary>A dream of the list, in its order; <paramref name="Memory"/> is the place (1 is first) in <c>memories</c> of the memory made of it.</summary>
public sealed record ExportDream(string? Title, string? DoneOn, int? Memory);

/// <param name="Photo">The cover's entry in the ZIP, e.g. <c>photos/2024-07-14 Pique-nique.heic</c>, or null (what older exports hold).</param>
/// <param name="Media">Every photo and video of the album in its order, each as its original file (additive: older exports have none).</param>
public sealed record ExportMemory(
    string? Title, string? Description, string? TakenOn, DateTime? CreatedAt, DateTime? UpdatedAt, string? Photo, bool? JustUs = null,
    IReadOnlyList<string?>? Media = null, IReadOnlyList<ExportSide?>? Sides = null);

/// <summary>
/// A partner's side of a memory (<paramref name="Author"/>: their user name). An export carries the sides its reader
/// may read: their own, and the other's once open; never the other's still hidden one.
/// </summary>
public sealed record ExportSide(string? Author, string? Content, bool? Revealed);

public sealed record ExportPerspective(int? PerspectiveNumber, string? Content, DateTime? UpdatedAt);
