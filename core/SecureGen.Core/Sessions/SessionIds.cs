using System.Security.Cryptography;
using System.Text;

namespace SecureGen.Core.Sessions;

/// <summary>Deterministic session ids: the same (run, task, strategy, sample) always gets the same id, which makes runs resumable and results idempotent.</summary>
public static class SessionIds
{
    public static string For(string runId, string taskId, string strategy, int sampleIndex)
    {
        var key = $"{runId}\u001f{taskId}\u001f{strategy}\u001f{sampleIndex}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 12));
    }
}
