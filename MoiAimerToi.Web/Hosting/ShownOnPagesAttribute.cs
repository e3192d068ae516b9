namespace MoiAimerToi.Web.Hosting;

/// <summary>Marks an entity, or one property of it, that pages show: saving a change to it empties the page cache.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property)]
public sealed class ShownOnPagesAttribute : Attribute;
