using System.Security.Cryptography;
using System.Text;
using LinkedAudiences.Core.Delivery;

namespace LinkedAudiences.Testing.Delivery;

/// <summary>
/// A secret protector for tests: AES with a key made per instance, so protected text is opaque and only this
/// instance can read it back (hosts use ASP.NET Core Data Protection).
/// </summary>
public sealed class TestSecrets : ISecretProtector
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Protect(string secret)
    {
        using var aes = Aes.Create();
        aes.Key = _key;
        var iv = RandomNumberGenerator.GetBytes(16);
        var cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(secret), iv);
        return Convert.ToBase64String([.. iv, .. cipher]);
    }

    public string Unprotect(string protectedSecret)
    {
        var bytes = Convert.FromBase64String(protectedSecret);
        using var aes = Aes.Create();
        aes.Key = _key;
        return Encoding.UTF8.GetString(aes.DecryptCbc(bytes.AsSpan(16), bytes.AsSpan(0, 16)));
    }
}
