namespace SecureGen.Core.Sessions;

/// <summary>
/// One answer of the classify task: the model judged a piece of code whose label is known.
/// </summary>
/// <param name="Input">Which reference was shown: "insecure" or "secure".</param>
/// <param name="TrueCwe">The weakness the code has; null for secure code.</param>
/// <param name="PredictedVulnerable">Null when the answer could not be read.</param>
/// <param name="PredictedCwe">Null when the model named no CWE (or said the code is not vulnerable).</param>
public sealed record ClassificationOutcome(
    string TaskId,
    string Input,
    bool TrulyVulnerable,
    int? TrueCwe,
    bool? PredictedVulnerable,
    int? PredictedCwe,
    string Answer);
