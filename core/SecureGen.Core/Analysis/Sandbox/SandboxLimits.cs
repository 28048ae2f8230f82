namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>Resource limits of one sandbox run. Every process in the sandbox gets the per-process limits.</summary>
public sealed record SandboxLimits
{
    public static SandboxLimits Default { get; } = new();

    /// <summary>Wall-clock limit of the whole run, enforced by the harness and, with a small grace, by killing the sandbox.</summary>
    public TimeSpan WallClock { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>CPU seconds per process (RLIMIT_CPU); null means the wall-clock limit rounded up plus one second, so a busy loop reads as a timeout.</summary>
    public TimeSpan? CpuTime { get; init; }

    /// <summary>Address space per process (RLIMIT_AS). The sandbox's total is bounded by this times <see cref="MaxProcesses"/>.</summary>
    public long MemoryBytes { get; init; } = 1L << 30;

    /// <summary>Processes (and threads) the sandbox uid may have at once (RLIMIT_NPROC).</summary>
    public int MaxProcesses { get; init; } = 32;

    /// <summary>Largest file a process may write (RLIMIT_FSIZE).</summary>
    public long MaxFileSizeBytes { get; init; } = 16L << 20;

    public int MaxOpenFiles { get; init; } = 256;

    /// <summary>Size of each of the two private scratch file systems, the working folder and /tmp (memory-backed).</summary>
    public long ScratchBytes { get; init; } = 64L << 20;

    /// <summary>How much of the candidate's stdout and of its stderr is kept.</summary>
    public int OutputBytes { get; init; } = 64 << 10;

    internal TimeSpan EffectiveCpuTime => CpuTime ?? TimeSpan.FromSeconds(Math.Ceiling(WallClock.TotalSeconds) + 1);

    internal void Validate()
    {
        Require(WallClock > TimeSpan.Zero && WallClock <= TimeSpan.FromHours(1), "WallClock must be between 0 and 1 hour");
        Require(CpuTime is null || CpuTime >= TimeSpan.FromSeconds(1), "CpuTime must be at least 1 second");
        Require(MemoryBytes >= 64L << 20, "MemoryBytes must be at least 64 MiB");
        Require(MaxProcesses is >= 2 and <= 4096, "MaxProcesses must be between 2 and 4096");
        Require(MaxFileSizeBytes >= 4096, "MaxFileSizeBytes must be at least 4096");
        Require(MaxOpenFiles is >= 32 and <= 65536, "MaxOpenFiles must be between 32 and 65536");
        Require(ScratchBytes >= 1L << 20, "ScratchBytes must be at least 1 MiB");
        Require(OutputBytes is >= 0 and <= 16 << 20, "OutputBytes must be between 0 and 16 MiB");
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"invalid sandbox limits: {problem}");
        }
    }
}
