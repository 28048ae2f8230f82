namespace SecureGen.Core.Strategies;

/// <summary>A weakness as prompts name it, with the words that suggest a task is prone to it.</summary>
public sealed record CweEntry(int Id, string Name, string Description, IReadOnlyList<string> Keywords)
{
    public string Label => $"CWE-{Id}";
}
