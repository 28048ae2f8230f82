using System.Collections.Concurrent;

namespace SecureGen.Simulator;

/// <summary>What the simulator has served: counts per outcome and a log of chat requests (so tests can count HTTP calls and measure waits).</summary>
public sealed class SimulatorStatistics
{
    private readonly ConcurrentQueue<SimulatorRequest> _log = new();
    private long _chat;
    private long _embeddings;
    private long _rateLimited;
    private long _serverErrors;
    private long _hangs;
    private long _completions;
    private int _inFlight;
    private int _maxInFlight;

    public long ChatRequests => Interlocked.Read(ref _chat);

    public long EmbeddingRequests => Interlocked.Read(ref _embeddings);

    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    public long Hangs => Interlocked.Read(ref _hangs);

    /// <summary>Completions returned (n per successful request).</summary>
    public long Completions => Interlocked.Read(ref _completions);

    /// <summary>The most chat requests the server was working on at once (a check that clients keep their concurrency limit).</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Every chat request in arrival order, with the status it got.</summary>
    public IReadOnlyList<SimulatorRequest> Requests => [.. _log];

    internal void Chat(DateTimeOffset at, int status, int samples, long? seed, string? apiKey)
    {
        Interlocked.Increment(ref _chat);
        switch (status)
        {
            case 429:
                Interlocked.Increment(ref _rateLimited);
                break;
            case >= 500 and not 599:
                Interlocked.Increment(ref _serverErrors);
                break;
            case 599:
                Interlocked.Increment(ref _hangs);
                break;
            case 200:
                Interlocked.Add(ref _completions, samples);
                break;
        }

        _log.Enqueue(new SimulatorRequest(at, status, samples, seed, apiKey));
    }

    internal void Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }
    }

    internal void Leave() => Interlocked.Decrement(ref _inFlight);

    internal void Embeddings() => Interlocked.Increment(ref _embeddings);
}
