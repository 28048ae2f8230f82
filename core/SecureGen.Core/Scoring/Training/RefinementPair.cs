using System.Text.Json.Serialization;

namespace SecureGen.Core.Scoring.Training;

/// <summary>
/// The one definition of a refinement pair, as strategies write it into results.jsonl under
/// "refinement_pairs" (an array) and as training sets keep it in refinement_pairs.jsonl:
/// <c>{"before": code, "after": code, "cwe": 89, "task_id": "sg_cwe089_find_user"}</c>.
/// "before" is a candidate the analyzers judged vulnerable and "after" the refined candidate they judged
/// clean; the lines the refinement removed or changed in "before" are labeled vulnerable.
/// </summary>
public sealed record RefinementPair(
    [property: JsonPropertyName("before")] string Before,
    [property: JsonPropertyName("after")] string After,
    [property: JsonPropertyName("cwe")] int? Cwe,
    [property: JsonPropertyName("task_id")] string? TaskId)
{
    /// <summary>The name of the array in a results.jsonl line.</summary>
    public const string ResultsField = "refinement_pairs";

    /// <summary>A stable id from the code itself, so the same pair gathered twice is kept once.</summary>
    public string Key => "refine-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Before + "\0" + After)))[..16];
}
