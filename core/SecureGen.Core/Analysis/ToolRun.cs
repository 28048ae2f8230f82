namespace SecureGen.Core.Analysis;

/// <summary>What one analyzer did with one candidate: its findings, or why it could not run.</summary>
public sealed record ToolRun(string Tool, bool Succeeded, IReadOnlyList<Finding> Findings, string? Error)
{
    public static ToolRun Failed(string tool, string error) => new(tool, false, [], error);
}
