// Every [Fact] and [Theory] of the shared tests is one of these here (an alias wins over the Xunit namespace's
// own types), so without PostgreSQL on the machine the run says why it skips rather than failing 900 times.
global using FactAttribute = MoiAimerToi.Tests.Infrastructure.PostgresFactAttribute;
global using TheoryAttribute = MoiAimerToi.Tests.Infrastructure.PostgresTheoryAttribute;

namespace MoiAimerToi.Tests.Infrastructure;

public class PostgresFactAttribute : Xunit.FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresServer.Installed && !Browser.BrowserApp.OnCi)
        {
            Skip = PostgresMissing.Reason;
        }
    }
}

public class PostgresTheoryAttribute : Xunit.TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (!PostgresServer.Installed && !Browser.BrowserApp.OnCi)
        {
            Skip = PostgresMissing.Reason;
        }
    }
}

internal static class PostgresMissing
{
    public const string Reason = "No PostgreSQL: install the Debian package 'postgresql' (initdb, pg_ctl) to run the tests on PostgreSQL too.";
}
