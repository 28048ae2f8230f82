using SecureGen.Core.Tenancy;

namespace SecureGen.IntegrationTests.Service;

/// <summary>The tenancy store on SQLite (embedded `serve`), and the pieces that need no database: the secret protector, quota text.</summary>
public sealed class SqliteTenantStoreTests : TenantStoreContract
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(Folder, "store.db"));

    [Fact]
    public void A_protected_secret_reads_back_only_with_its_key_and_unaltered()
    {
        var protector = SecretProtector.FromKeyFile(Path.Combine(Folder, "secrets.key"));
        var other = new SecretProtector(new byte[32]);
        var sealedText = protector.Protect("sk-123");
        var altered = Convert.FromBase64String(sealedText);
        altered[^1] ^= 1;

        Assert.Equal("sk-123", protector.Unprotect(sealedText));
        Assert.NotEqual(sealedText, protector.Protect("sk-123"));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => other.Unprotect(sealedText));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect(Convert.ToBase64String(altered)));
    }

    [Theory]
    [InlineData("concurrent-runs=3", 3, 1000, 2_000_000)]
    [InlineData("concurrent-runs=2,sessions-per-day=10,tokens-per-day=500", 2, 10, 500)]
    [InlineData(null, 2, 1000, 2_000_000)]
    public void A_quota_reads_its_names_and_keeps_defaults_for_the_rest(string? text, int runs, int sessions, long tokens) =>
        Assert.Equal(new TenantQuota(runs, sessions, tokens), TenantQuota.Parse(text));

    [Theory]
    [InlineData("runs=2")]
    [InlineData("concurrent-runs=0")]
    [InlineData("concurrent-runs=two")]
    public void A_bad_quota_is_refused(string text) => Assert.Throws<FormatException>(() => TenantQuota.Parse(text));
}
