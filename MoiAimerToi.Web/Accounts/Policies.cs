namespace MoiAimerToi.Web.Accounts;

public static class Policies
{
    /// <summary>Signed in with an account of the site.</summary>
    public const string Member = "Member";

    /// <summary>May change the site's content: today any account.</summary>
    public const string Editor = "Editor";
}
