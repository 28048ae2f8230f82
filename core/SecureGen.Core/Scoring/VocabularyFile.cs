namespace SecureGen.Core.Scoring;

/// <summary>The JSON shape of vocab.json: the token at index i has id i.</summary>
public sealed record VocabularyFile(string Format, string Tokenizer, int Size, IReadOnlyList<string> Tokens);
