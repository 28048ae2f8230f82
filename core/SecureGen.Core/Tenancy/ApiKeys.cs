using System.Security.Cryptography;
using System.Text;

namespace SecureGen.Core.Tenancy;

/// <summary>API keys: 32 random bytes shown once; only their SHA-256 is stored and compared.</summary>
public static class ApiKeys
{
    public const string Prefix = "sgk_";

    public static string NewKey() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares two hashes in constant time, so timing does not tell how much of a guess was right.</summary>
    public static bool HashesEqual(string storedHash, string candidateHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(candidateHash));
}
