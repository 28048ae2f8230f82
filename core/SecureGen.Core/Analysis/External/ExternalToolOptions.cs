namespace SecureGen.Core.Analysis.External;

/// <summary>One SARIF-producing analyzer the user has (CodeQL, Semgrep...), given as a command line.</summary>
public sealed record ExternalToolOptions
{
    /// <summary>Name its tool run carries, e.g. "semgrep"; letters, digits, '-', '_' and '.'.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Command line with placeholders: {file} (the candidate, a .py file) or {dir} (a private
    /// folder holding only it), and optionally {sarif} (a path the tool writes its SARIF to;
    /// without it SARIF is read from stdout). Run directly, not through a shell.
    /// </summary>
    public required string Command { get; init; }

    /// <summary>A tool that has not finished by then is killed (with its child processes) and its run fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Bigger SARIF output than this fails the run rather than eating memory.</summary>
    public int MaxOutputChars { get; init; } = 32 * 1024 * 1024;

    /// <summary>Name the candidate gets in its private folder.</summary>
    public string FileName { get; init; } = "candidate.py";
}
