namespace MoiAimerToi.Web.Accounts;

/// <summary>What an account may do: a partner (at most two) edits everything and owns a perspective; a guest reads.</summary>
public enum AccountRole
{
    Partner = 1,
    Guest = 2,
}
