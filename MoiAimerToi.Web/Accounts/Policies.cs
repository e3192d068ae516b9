namespace MoiAimerToi.Web.Accounts;

public static class Policies
{
    /// <summary>May change the site's content. Today any signed-in partner; later, per partner.</summary>
    public const string Editor = "Editor";
}
