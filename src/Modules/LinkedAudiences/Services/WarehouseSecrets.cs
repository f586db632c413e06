using Microsoft.AspNetCore.DataProtection;

namespace LinkedAudiences.Services;

/// <summary>Encrypts the warehouse connection string at rest (the tenant's Data Protection keys).</summary>
public sealed class WarehouseSecrets(IDataProtectionProvider dataProtectionProvider)
{
    private const string Purpose = "LinkedAudiences.WarehouseConnection";

    public string Protect(string secret) => dataProtectionProvider.CreateProtector(Purpose).Protect(secret);

    public string Unprotect(string protectedSecret) => dataProtectionProvider.CreateProtector(Purpose).Unprotect(protectedSecret);
}
