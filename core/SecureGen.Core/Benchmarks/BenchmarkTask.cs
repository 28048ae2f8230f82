namespace SecureGen.Core.Benchmarks;

/// <summary>One prompt of a dataset, with whatever references and tests the dataset provides.</summary>
/// <param name="Prompt">What the model is asked: code (signature and docstring) or natural language.</param>
/// <param name="PromptCode">The prompt's Python code, re-added to replies that omit it; null for natural-language prompts.</param>
/// <param name="EntryPoint">The function the task asks for, when there is one.</param>
/// <param name="TestSuite">How to run the dataset's own functional and security tests against a candidate; null when it has none (static analysis judges).</param>
/// <param name="Metadata">Dataset-specific facts kept for reports (technique, source, the detector's line...).</param>
public sealed record BenchmarkTask(
    string Id,
    string Dataset,
    string Prompt,
    string? PromptCode,
    string? EntryPoint,
    int? Cwe,
    string? Title = null,
    string? SecureReference = null,
    string? InsecureReference = null,
    string? FunctionalTests = null,
    string? SecurityTests = null,
    TaskTestSuite? TestSuite = null,
    IReadOnlyDictionary<string, string>? Metadata = null);
