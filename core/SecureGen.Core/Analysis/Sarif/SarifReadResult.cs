namespace SecureGen.Core.Analysis.Sarif;

/// <summary>What a SARIF log says, in our terms.</summary>
/// <param name="Drivers">Names of the tools (runs[].tool.driver.name) in the log.</param>
/// <param name="ExecutionFailures">Why a run reported executionSuccessful=false; any entry makes the analysis untrustworthy.</param>
/// <param name="ResultCount">Results in the log, including those skipped as passed or suppressed.</param>
public sealed record SarifReadResult(
    IReadOnlyList<string> Drivers,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> ExecutionFailures,
    int ResultCount);
