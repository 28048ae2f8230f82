namespace SecureGen.Core.Sessions;

/// <summary>One code candidate: an LLM reply after extraction and repair.</summary>
/// <param name="Origin">"sample" for a first-round completion, "refined" for a regeneration with feedback.</param>
/// <param name="SyntaxError">Set when the extracted code does not parse; such a candidate is unparsable, never Secure.</param>
public sealed record Candidate(
    string Id,
    int Index,
    string Code,
    string RawReply,
    string ExtractionMethod,
    IReadOnlyList<string> Repairs,
    string? SyntaxError,
    string Origin = "sample",
    string? ParentId = null)
{
    public bool Unparsable => SyntaxError is not null || string.IsNullOrWhiteSpace(Code);
}
