namespace SecureGen.Core.Retrieval;

/// <summary>One secure demonstration in the secure code base.</summary>
/// <param name="TaskId">The task it solves: examples of the task under evaluation are never retrieved for it.</param>
/// <param name="Source">"reference" (a dataset's secure solution) or "fixed" (a vulnerable candidate a strategy repaired).</param>
public sealed record SecureExample(string Id, string TaskId, string Dataset, int? Cwe, string Prompt, string Code, string Source)
{
    public const string ReferenceSource = "reference";
    public const string FixedSource = "fixed";
}
