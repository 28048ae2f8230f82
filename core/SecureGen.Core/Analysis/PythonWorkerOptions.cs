namespace SecureGen.Core.Analysis;

/// <summary>Settings of the pool of persistent Python analysis workers.</summary>
public sealed class PythonWorkerOptions
{
    /// <summary>Debian's interpreter: Bandit 1.6.2 is installed for it, not for any pyenv python first on PATH.</summary>
    public string PythonPath { get; set; } = "/usr/bin/python3";

    /// <summary>Path of analysis_worker.py; found next to the app (or in the source tree) when not set.</summary>
    public string? WorkerScript { get; set; }

    public int WorkerCount { get; set; } = DefaultWorkerCount;

    /// <summary>One worker per core: analysis is CPU-bound Python.</summary>
    public static int DefaultWorkerCount => Math.Max(1, Environment.ProcessorCount);

    /// <summary>A worker that has not answered within this time is killed and the file is Unknown.</summary>
    public TimeSpan PerFileTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Analyzers every candidate must pass; a verdict of Secure needs all of them to have run.</summary>
    public IReadOnlyList<string> Analyzers { get; set; } = ["bandit", "taint"];

    public Severity MinimumSeverity { get; set; } = Severity.Medium;
}
