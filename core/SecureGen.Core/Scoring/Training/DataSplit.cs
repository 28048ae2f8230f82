using System.Security.Cryptography;
using System.Text;

namespace SecureGen.Core.Scoring.Training;

/// <summary>
/// Task-level split: every sample of a group (a SVEN commit, a CyberSecEval prompt, a built-in task and
/// the refinement pairs made on it) lands in the same split, chosen by a hash of the group key, so no
/// task leaks from training into evaluation. 70% train, 15% validation, 15% test.
/// </summary>
public static class DataSplit
{
    public const string Train = "train";
    public const string Validation = "val";
    public const string Test = "test";

    public static IReadOnlyList<string> All { get; } = [Train, Validation, Test];

    public static string Of(string groupKey)
    {
        ArgumentNullException.ThrowIfNull(groupKey);
        var bucket = Bucket(groupKey);
        return bucket < 70 ? Train : bucket < 85 ? Validation : Test;
    }

    /// <summary>A stable number in [0, 100) for the key (SHA-256, not string.GetHashCode, which changes per process).</summary>
    public static int Bucket(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return (int)(BitConverter.ToUInt64(hash, 0) % 100);
    }
}
