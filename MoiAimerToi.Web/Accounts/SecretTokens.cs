using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;

namespace MoiAimerToi.Web.Accounts;

/// <summary>The secret part of a link (an invitation, a share link, a reset link): 256 random bits, URL-safe.</summary>
public static class SecretTokens
{
    public const int MaxLength = 64;

    public static string New() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>What the database keeps of a secret, so that a copy of the database (a backup) opens no link.</summary>
    public static string Digest(string token) => Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)));

    /// <summary>A token sealed by Data Protection, or null when there is none or its keys are gone (it cannot be shown again).</summary>
    public static string? Unseal(this IDataProtector sealer, string? sealedToken)
    {
        try
        {
            return sealedToken is null ? null : sealer.Unprotect(sealedToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Worth a database look: the right alphabet and length, so a path of junk costs nothing.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
