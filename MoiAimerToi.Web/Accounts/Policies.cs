namespace MoiAimerToi.Web.Accounts;

public static class Policies
{
    /// <summary>Signed in with an account of the site: a partner or a guest.</summary>
    public const string Member = "Member";

    /// <summary>May change the site's content: a partner.</summary>
    public const string Editor = "Editor";
}
