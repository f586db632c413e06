using System.Security.Cryptography;
using LinkedAudiences.Core.Delivery;
using Microsoft.AspNetCore.DataProtection;

namespace LinkedAudiences.Storage.Secrets;

/// <summary>
/// Destination secrets protected with the host's ASP.NET Core Data Protection key ring, under a purpose of their own:
/// other protectors of the same host (cookies, antiforgery) cannot read them, nor can they read those; a host with
/// another key ring cannot read them at all. Only the abstractions are referenced, so the host brings the key ring
/// (Orchard Core configures one per tenant).
/// </summary>
public sealed class DataProtectionSecretProtector : ISecretProtector
{
    public const string DefaultPurpose = "LinkedAudiences.DestinationSecrets.v1";

    private readonly IDataProtector _protector;

    public DataProtectionSecretProtector(IDataProtectionProvider provider, string purpose = DefaultPurpose)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        _protector = provider.CreateProtector(purpose);
    }

    public string Protect(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return _protector.Protect(secret);
    }

    public string Unprotect(string protectedSecret)
    {
        ArgumentNullException.ThrowIfNull(protectedSecret);
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (FormatException e)
        {
            // Not even protector output (not base64url): the same answer as foreign ciphertext, per ISecretProtector.
            throw new CryptographicException("The secret was not protected by this host's Data Protection keys.", e);
        }
    }
}
