namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// Encrypts destination secrets at rest. Hosts implement it with ASP.NET Core Data Protection; the engine only ever
/// holds the protected form and unprotects it at the moment of sending.
/// </summary>
public interface ISecretProtector
{
    string Protect(string secret);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The text was not protected by this host's keys.</exception>
    string Unprotect(string protectedSecret);
}
