using System.Text;
using System.Text.Json;

namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>
/// job.json of a warm run: what the run's PID 1 needs to build its sandbox (uid, limits, what to bind)
/// and to run the tests. Written by the host into the job's support folder, which the sandbox never sees.
/// </summary>
internal static class WarmJob
{
    public const string FileName = "job.json";

    /// <summary>Where PID 1 writes its one report line.</summary>
    public const string ReportFileName = "report";

    public static string Describe(SandboxOptions options, SandboxLimits limits, int uid, TestFramework framework, IReadOnlyList<string> testFiles, IReadOnlyList<string> supportFiles)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("uid", uid);
            json.WriteString("framework", framework == TestFramework.Pytest ? "pytest" : "unittest");
            json.WriteNumber("deadline", limits.WallClock.TotalSeconds);
            json.WriteNumber("capture_limit", limits.OutputBytes);
            WriteArray(json, "files", testFiles);
            WriteArray(json, "mounts", [SandboxJob.CandidateFileName, .. testFiles, .. supportFiles]);
            WriteArray(json, "root_links", SandboxCommand.RootLinks);
            WriteArray(json, "etc", options.EtcEntries);
            json.WriteStartObject("limits");
            json.WriteNumber("cpu", (long)Math.Ceiling(limits.EffectiveCpuTime.TotalSeconds));
            json.WriteNumber("as", limits.MemoryBytes);
            json.WriteNumber("nproc", limits.MaxProcesses);
            json.WriteNumber("fsize", limits.MaxFileSizeBytes);
            json.WriteNumber("nofile", limits.MaxOpenFiles);
            json.WriteNumber("scratch", limits.ScratchBytes);
            json.WriteNumber("shm", Math.Min(limits.ScratchBytes, SandboxCommand.SharedMemoryBytes));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
