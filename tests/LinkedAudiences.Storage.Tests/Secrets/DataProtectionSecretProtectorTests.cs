using System.Security.Cryptography;
using LinkedAudiences.Storage.Secrets;
using Microsoft.AspNetCore.DataProtection;

namespace LinkedAudiences.Storage.Tests.Secrets;

/// <summary>Destination secrets over ASP.NET Core Data Protection (ephemeral key rings: one per provider instance).</summary>
public sealed class DataProtectionSecretProtectorTests
{
    private const string Secret = "whsec_s3cr3t-Value/with+symbols=";

    [Fact]
    public void Protect_ThenUnprotect_GivesTheSecretBack()
    {
        var protector = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());

        var text = protector.Protect(Secret);

        Assert.Equal(Secret, protector.Unprotect(text));
    }

    [Fact]
    public void Protect_Secret_CiphertextNeverContainsThePlaintextAndDiffersEachTime()
    {
        var protector = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());

        var first = protector.Protect(Secret);
        var second = protector.Protect(Secret);

        Assert.NotEqual(Secret, first);
        Assert.DoesNotContain(Secret, first, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", first, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Secret)), first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal(Secret, protector.Unprotect(second));
    }

    [Fact]
    public void Unprotect_OtherPurposeOnSameKeyRing_Throws()
    {
        var provider = new EphemeralDataProtectionProvider();
        var text = new DataProtectionSecretProtector(provider).Protect(Secret);

        var other = new DataProtectionSecretProtector(provider, "SomethingElse.v1");

        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect(text));
        Assert.ThrowsAny<CryptographicException>(() => provider.CreateProtector("SomethingElse.v1").Unprotect(text));
    }

    [Fact]
    public void Unprotect_OtherKeyRing_Throws()
    {
        var text = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()).Protect(Secret);

        var otherHost = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());

        Assert.ThrowsAny<CryptographicException>(() => otherHost.Unprotect(text));
    }

    [Theory]
    [InlineData("not protected at all")]
    [InlineData("")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    public void Unprotect_Garbage_ThrowsCryptographicException(string text)
    {
        var protector = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(text));
    }
}
