namespace MoiAimerToi.Web.Accounts;

/// <summary>Whether any account exists yet; while none does, <c>/setup</c> lets the first visitor create one.</summary>
public sealed class AccountState
{
    private volatile bool _hasAccount;

    public SemaphoreSlim CreationGate { get; } = new(1, 1);

    public bool HasAccount => _hasAccount;

    public void AccountExists() => _hasAccount = true;
}
