namespace MoiAimerToi.Tests.Browser;

/// <summary>
/// A test that drives Debian's Chromium. Without <c>/usr/bin/chromium</c> it is skipped with the
/// reason, except under <c>CI=true</c>, where it runs and a missing browser fails it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserApp.ChromiumInstalled && !BrowserApp.OnCi)
        {
            Skip = $"No Chromium at {BrowserApp.ChromiumPath}: install the Debian package 'chromium' to run the browser tests.";
        }
    }
}

/// <inheritdoc cref="BrowserFactAttribute"/>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!BrowserApp.ChromiumInstalled && !BrowserApp.OnCi)
        {
            Skip = $"No Chromium at {BrowserApp.ChromiumPath}: install the Debian package 'chromium' to run the browser tests.";
        }
    }
}
