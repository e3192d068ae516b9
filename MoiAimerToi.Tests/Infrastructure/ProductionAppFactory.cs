namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>The app as deployed: Production, the admin from the environment, no API key unless one is given.</summary>
public class ProductionAppFactory : AppFactory
{
    public const string AdminUser = "camille";
    public const string AdminPassword = "a production pass phrase";
    public const string JwtSecret = "a production signing secret that is long enough";

    public ProductionAppFactory()
    {
        Environment = "Production";
        Settings["BACKEND_ADMIN_USER"] = AdminUser;
        Settings["BACKEND_ADMIN_PASS"] = AdminPassword;
        Settings["BACKEND_JWT_SECRET"] = JwtSecret;
        // A new Production site starts Private; these factories test Production's other behaviour on a Public one
        // (VisibilityTests sets this to private, or removes it).
        Settings["Site:Visibility"] = "public";
    }
}

/// <summary>Production with <c>BACKEND_API_KEY</c> set by the operator.</summary>
public sealed class ProductionWithKeyAppFactory : ProductionAppFactory
{
    public const string ApiKey = "an operator's key";

    public ProductionWithKeyAppFactory() => Settings["BACKEND_API_KEY"] = ApiKey;
}
