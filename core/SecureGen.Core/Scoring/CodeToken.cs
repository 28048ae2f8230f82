namespace SecureGen.Core.Scoring;

/// <summary>
/// One token of Python source: its vocabulary form, kind, the 1-based line it starts on, and the
/// class token to use when the vocabulary does not know the text (e.g. &lt;str&gt;, &lt;num&gt;).
/// </summary>
public sealed record CodeToken(string Text, CodeTokenKind Kind, int Line, string Fallback)
{
    public override string ToString() => $"{Line}:{Text}";
}
