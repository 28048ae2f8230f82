using System.Text.Json.Serialization;
using SecureGen.Core.Analysis;

namespace SecureGen.Core.Sessions;

/// <summary>One candidate as recorded in a session result: where it came from, its code, findings and score.</summary>
/// <param name="ParentId">For a refined candidate: the candidate it regenerates.</param>
public sealed record CandidateSummary(
    string Id,
    int Index,
    string Origin,
    Verdict Verdict,
    bool Unparsable,
    int FindingCount,
    string ExtractionMethod,
    IReadOnlyList<string> Repairs,
    CandidateScore Score,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ParentId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Finding>? Findings = null);
