using SecureGen.Core.Benchmarks;

namespace SecureGen.Core.Sessions;

/// <summary>The part of a benchmark task a session needs, small enough to travel in a message.</summary>
/// <param name="SecureReference">The dataset's secure solution: only the classify task reads it (as an input to judge), never a generation strategy.</param>
/// <param name="InsecureReference">The dataset's vulnerable solution: the input of the repair and classify tasks.</param>
/// <param name="Tests">The task's functional and security tests, when the dataset has them: they judge the final code in the sandbox.</param>
public sealed record SessionTask(
    string Id,
    string Dataset,
    string Prompt,
    string? PromptCode,
    string? EntryPoint,
    int? Cwe,
    string? SecureReference = null,
    string? InsecureReference = null,
    TaskTestSuite? Tests = null);
