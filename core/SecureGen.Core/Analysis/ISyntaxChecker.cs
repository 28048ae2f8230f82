namespace SecureGen.Core.Analysis;

/// <summary>Checks that Python source parses, with the same interpreter that analyses it.</summary>
public interface ISyntaxChecker
{
    /// <summary>The syntax error ("line 3: invalid syntax"), null when the code parses.</summary>
    Task<string?> FindSyntaxErrorAsync(string code, CancellationToken cancellationToken);
}
