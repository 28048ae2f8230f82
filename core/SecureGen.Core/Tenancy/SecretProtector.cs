using System.Security.Cryptography;

namespace SecureGen.Core.Tenancy;

/// <summary>
/// Encrypts tenants' LLM keys with AES-256-GCM under a key kept in a file beside the data (created 0600 on first use),
/// so a copy of the database alone does not reveal them. Text form: base64(nonce | tag | ciphertext).
/// </summary>
public sealed class SecretProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public SecretProtector(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32)
        {
            throw new ArgumentException("the key must be 32 bytes", nameof(key));
        }

        _key = key;
    }

    /// <summary>Reads the key file, or creates it (readable by this user only) when it does not exist.</summary>
    public static SecretProtector FromKeyFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var fresh = RandomNumberGenerator.GetBytes(32);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(path, options);
                stream.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }

        var key = File.ReadAllBytes(path);
        return key.Length == 32 ? new SecretProtector(key) : throw new InvalidDataException($"secrets key file '{path}' does not hold 32 bytes");
    }

    public string Protect(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plain = System.Text.Encoding.UTF8.GetBytes(secret);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(output);
    }

    /// <exception cref="CryptographicException">The text was not protected with this key, or was altered.</exception>
    public string Unprotect(string protectedText)
    {
        var input = Convert.FromBase64String(protectedText);
        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("protected secret is too short");
        }

        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain);
        return System.Text.Encoding.UTF8.GetString(plain);
    }
}
