using SecureGen.Core.Analysis;

namespace SecureGen.Tests.Shared;

/// <summary>A stand-in analyzer: code containing "shell=True" is Vulnerable (CWE-78), anything else Secure; counts calls.</summary>
public sealed class KeywordAnalyzer : ICodeAnalyzer, ISyntaxChecker
{
    private int _analyses;

    public int Analyses => _analyses;

    public Task<AnalysisReport> AnalyzeAsync(string code, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _analyses);
        var runs = code.Contains("shell=True", StringComparison.Ordinal)
            ? new[] { new ToolRun("fake", true, [new Finding("fake", "F602", 78, Severity.High, Severity.High, 1, 1, "shell=True")], null) }
            : new[] { new ToolRun("fake", true, [], null) };
        return Task.FromResult(new VerdictPolicy().Decide(["fake"], runs, code.Contains("def (", StringComparison.Ordinal) ? "line 1: invalid syntax" : null));
    }

    public Task<string?> FindSyntaxErrorAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult(code.Contains("def (", StringComparison.Ordinal) ? "line 1: invalid syntax" : null);
}
