using SecureGen.Core.Analysis;

namespace SecureGen.Core.Sessions;

/// <summary>One candidate as recorded in a session result.</summary>
public sealed record CandidateSummary(
    string Id,
    int Index,
    string Origin,
    Verdict Verdict,
    bool Unparsable,
    int FindingCount,
    string ExtractionMethod,
    IReadOnlyList<string> Repairs,
    CandidateScore Score);
