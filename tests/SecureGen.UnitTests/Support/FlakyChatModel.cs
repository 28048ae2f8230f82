using System.Collections.Concurrent;
using SecureGen.Core.Generation;

namespace SecureGen.UnitTests.Support;

/// <summary>An endpoint stand-in that fails with the scripted errors first, then answers; it can also hold calls open until released.</summary>
public sealed class FlakyChatModel : IChatModel
{
    private readonly ConcurrentQueue<Exception> _failures;
    private int _inFlight;
    private int _maxInFlight;

    public FlakyChatModel(params Exception[] failures) => _failures = new ConcurrentQueue<Exception>(failures);

    public ConcurrentQueue<ChatRequest> Requests { get; } = new();

    /// <summary>When set, every call waits for this task before answering.</summary>
    public Task? Gate { get; set; }

    /// <summary>Choices returned per call; defaults to the number asked for.</summary>
    public int? ChoicesReturned { get; set; }

    public int Calls => Requests.Count;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public static LlmEndpointException Status(int status, TimeSpan? retryAfter = null) =>
        new($"HTTP {status}") { StatusCode = status, IsTransient = LlmEndpointException.IsTransientStatus(status), RetryAfter = retryAfter };

    public async Task<ChatReply> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            if (Gate is { } gate)
            {
                await gate.WaitAsync(cancellationToken);
            }

            if (_failures.TryDequeue(out var failure))
            {
                throw failure;
            }

            var count = ChoicesReturned ?? request.Samples;
            var choices = Enumerable.Range(0, count).Select(i => new ChatChoice(i, $"answer seed={request.Seed} i={i}", "stop")).ToList();
            return new ChatReply(choices[0].Content, "model-x", 100, 40 * count, 1, false, "stop") { Choices = choices };
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
