namespace MoiAimerToi.Web.Localization;

/// <summary>Anchor for the site's one resource file: <c>SharedResource.resx</c> (French) and <c>SharedResource.en.resx</c>.</summary>
public sealed class SharedResource;
