using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SecureGen.Simulator;

/// <summary>Deterministic, simulated embeddings: hashed bag of word tokens, L2-normalised. Similar texts get similar vectors; nothing more is claimed.</summary>
internal static partial class HashingEmbedding
{
    public const int Dimensions = 256;

    public static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (Match token in WordRegex().Matches(text.ToLowerInvariant()))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token.Value));
            var slot = BitConverter.ToUInt32(hash, 0) % Dimensions;
            vector[slot] += (hash[4] & 1) == 0 ? 1f : -1f;
        }

        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }

        return vector;
    }

    [GeneratedRegex(@"[a-z_][a-z0-9_]*")]
    private static partial Regex WordRegex();
}
