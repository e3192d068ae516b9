namespace MoiAimerToi.Web.Memories;

/// <summary>One page of the gallery: newest first, optionally only the memories whose words match.</summary>
public sealed record MemoryQuery(string? Search = null, int Page = 1, int PageSize = MemoryQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 60;
}

public sealed record MemoryPage(IReadOnlyList<Memory> Memories, int Page, bool HasMore, int? FirstYear, int? LastYear);
