namespace SecureGen.Core.Analysis;

/// <summary>One analyzer that reports on its own, such as an external SARIF tool; a failure is a failed <see cref="ToolRun"/>, never an exception.</summary>
public interface IAnalysisTool
{
    /// <summary>The name its tool run carries and the verdict policy requires.</summary>
    string Name { get; }

    Task<ToolRun> RunAsync(string code, CancellationToken cancellationToken);
}
