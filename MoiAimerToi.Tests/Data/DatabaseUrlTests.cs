using Microsoft.Extensions.Options;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Data;
using Npgsql;

namespace MoiAimerToi.Tests.Data;

public class DatabaseUrlTests
{
    private const string Password = "p@ss:w/rd%secret";

    [Theory]
    [InlineData("postgres://moi:p%40ss%3Aw%2Frd%25secret@db.example.org:6543/couple", 6543, null)]
    [InlineData("postgresql://moi:p%40ss%3Aw%2Frd%25secret@db.example.org/couple?sslmode=require", 5432, SslMode.Require)]
    public void A_Platforms_Url_Becomes_Npgsqls_Connection_String(string url, int port, SslMode? ssl)
    {
        var read = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(url));

        Assert.Equal("db.example.org", read.Host);
        Assert.Equal(port, read.Port);
        Assert.Equal("couple", read.Database);
        Assert.Equal("moi", read.Username);
        Assert.Equal(Password, read.Password);
        Assert.Equal(ssl ?? SslMode.Prefer, read.SslMode);
    }

    [Theory]
    [InlineData("postgres://moi:secret@db.example.org:port/couple", "is not a URL of the form postgres://user:password@host:port/database")]
    [InlineData("moi:secret@db.example.org/couple", "must start with postgres:// or postgresql://")]
    [InlineData("mysql://moi:secret@db.example.org/couple", "must start with postgres:// or postgresql://, not mysql://")]
    [InlineData("postgres://moi:secret@db.example.org:99999/couple", "is not a URL of the form")]
    [InlineData("postgres://moi:secret@db.example.org:5432", "must end with the database's name")]
    [InlineData("postgres://moi:secret@db.example.org:5432/couple/more", "must end with the database's name")]
    [InlineData("postgres://:secret@db.example.org/couple", "names no user")]
    [InlineData("postgres://moi:secret@db.example.org/couple?sslmode=sometimes", "has an sslmode that is not one of disable, allow, prefer, require, verify-ca, verify-full")]
    [InlineData("postgres://moi:secret@db.example.org/couple?application_name=x", "has a parameter the site does not read (only sslmode; a password with ? or # must be percent-encoded)")]
    [InlineData("postgres://moi:12?34secret@db.example.org/couple", "must end with the database's name")]
    public void A_Malformed_Url_Is_Named_With_What_Is_Wrong_And_Never_Its_Password(string url, string reason)
    {
        var problem = Assert.Throws<FormatException>(() => DatabaseUrl.ToConnectionString(url));

        Assert.StartsWith("DATABASE_URL ", problem.Message);
        Assert.Contains(reason, problem.Message);
        Assert.DoesNotContain("secret", problem.Message);
    }

    [Fact]
    public void A_Connection_String_Npgsql_Cannot_Read_Is_Named_Without_Its_Values()
    {
        var problem = Assert.Throws<FormatException>(() => DatabaseUrl.CheckConnectionString("Host=db;Password=secret;Colour=blue"));

        Assert.StartsWith("ConnectionStrings:Postgres cannot be read", problem.Message);
        Assert.DoesNotContain("secret", problem.Message);
    }

    [Fact]
    public void A_Site_Given_A_Malformed_Database_Url_Refuses_To_Start_With_The_Reason_And_No_Password()
    {
        using var site = new AppFactory
        {
            Settings =
            {
                ["ConnectionStrings:Postgres"] = "",
                ["DATABASE_URL"] = "postgres://moi:secret-words@db.example.org:5432",
            },
        };

        var refused = Assert.ThrowsAny<OptionsValidationException>(() => site.Services);

        Assert.Contains("DATABASE_URL must end with the database's name", refused.Message);
        Assert.DoesNotContain("secret-words", refused.Message);
        Assert.DoesNotContain(site.Logs.Lines, line => line.Contains("secret-words"));
    }

    [Fact]
    public async Task The_Site_Process_Exits_Naming_Database_Url_And_Never_Prints_The_Password()
    {
        var data = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "",
            ["DATABASE_URL"] = "postgres://moi:secret-words@db.example.org/couple?sslmode=always",
        };

        var (code, output, errors) = await CommandProcess.RunAsync(data, settings, "");

        Assert.NotEqual(0, code);
        Assert.Contains("DATABASE_URL has an sslmode that is not one of", errors + output);
        Assert.DoesNotContain("secret-words", errors + output);
    }
}
