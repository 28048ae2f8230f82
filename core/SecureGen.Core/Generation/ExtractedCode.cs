namespace SecureGen.Core.Generation;

/// <summary>Code pulled out of a chat reply, with how it was found and what was repaired.</summary>
/// <param name="Method">fenced, bare, continuation or empty.</param>
/// <param name="Repairs">Each change made to the model's code (re-added imports, decorators, trimmed junk).</param>
public sealed record ExtractedCode(string Code, string Method, IReadOnlyList<string> Repairs)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Code);
}
