namespace SecureGen.Core.Scoring;

/// <summary>A slice of one code's token ids (a view, not a copy), at most a model window long, to be run in some batch.</summary>
public sealed record TokenWindow(int Code, int Offset, ReadOnlyMemory<int> Ids);
