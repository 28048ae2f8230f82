namespace SecureGen.Core.Analysis;

/// <summary>Static analysis of one Python source text. Implementations never throw for bad code: they report Unknown.</summary>
public interface ICodeAnalyzer
{
    Task<AnalysisReport> AnalyzeAsync(string code, CancellationToken cancellationToken);
}
