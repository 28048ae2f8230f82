using System.Text.Json.Serialization;
using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;

namespace SecureGen.Core.Sessions;

/// <summary>
/// One step of a session, in the order it happened. Kind is one of: prompt (a request sent to the
/// model), analysis, score, retrieval, refinement, note (a strategy's decision) and choice (the final pick).
/// </summary>
/// <param name="Messages">The prompt as sent; null when prompts are not stored (PromptSha256 is always set for prompts).</param>
/// <param name="CandidateIds">Candidates the step produced or looked at.</param>
/// <param name="Reply">For free-text requests (explanations, fix strategies, classifications): the model's answer.</param>
public sealed record TraceEvent(
    int Seq,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Purpose = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? CandidateIds = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ParentId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChatTurn>? Messages = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PromptSha256 = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reply = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Verdict? Verdict = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Finding>? Findings = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CandidateScore? Score = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null);
