namespace SecureGen.Core.Generation;

/// <summary>One sampled completion of a chat request.</summary>
/// <param name="Index">The sample index within its request (0 .. n-1).</param>
/// <param name="FinishReason">"stop", "length" (cut at max tokens) and so on, as the endpoint said.</param>
public sealed record ChatChoice(int Index, string Content, string? FinishReason);
