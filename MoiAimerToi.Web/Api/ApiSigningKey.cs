using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Api;

/// <summary>
/// The HS256 key of the login tokens: the configured secret, or else 64 random bytes generated on
/// first start and kept in the data directory, so tokens survive restarts and backups carry the key.
/// </summary>
public sealed class ApiSigningKey
{
    public const string FileName = "jwt-secret.key";
    private const int GeneratedBytes = 64;

    public ApiSigningKey(IOptions<ApiOptions> options, DataPaths paths, ILogger<ApiSigningKey> logger)
    {
        var secret = options.Value.JwtSecret;
        var bytes = secret is null ? LoadOrCreate(Path.Combine(paths.Root, FileName), logger) : Encoding.UTF8.GetBytes(secret);
        Key = new SymmetricSecurityKey(bytes);
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[] LoadOrCreate(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, create))
            {
                file.Write(RandomNumberGenerator.GetBytes(GeneratedBytes));
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
                logger.LogInformation("Generated the API token secret in {Path}.", path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first; theirs is the one to use.
                File.Delete(temporary);
            }
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < ApiOptions.MinimumSecretBytes)
        {
            throw new InvalidOperationException(
                $"The API token secret {path} is shorter than {ApiOptions.MinimumSecretBytes} bytes. Delete it to generate a new one (every API token is then invalidated).");
        }

        return bytes;
    }
}
