using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureGen.Core.Generation.Resilience;

/// <summary>
/// One endpoint's chat model as the rest of the system sees it: guarded by <see cref="EndpointGuard"/>
/// (limits, retries, breaker) and accounted (tokens, dollars, retries, latency including waits).
/// Samples beyond what the endpoint returns for <c>n</c> are asked for one at a time with seed + index.
/// </summary>
public sealed partial class ResilientChatModel : IChatModel, IDisposable
{
    private readonly IChatModel _inner;
    private readonly LlmEndpointOptions _options;
    private readonly PriceTable _prices;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly EndpointGuard _guard;
    private volatile bool _nativeN;
    private double _completionTokensPerSample = -1;

    public ResilientChatModel(IChatModel inner, LlmEndpointOptions options, PriceTable? prices = null, TimeProvider? clock = null, ILogger? logger = null, Func<double>? jitter = null, IEndpointBudget? sharedBudget = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        _inner = inner;
        _options = options;
        _prices = prices ?? PriceTable.Empty;
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _guard = new EndpointGuard(options, _clock, _logger, jitter, sharedBudget);
        _nativeN = options.SupportsN;
    }

    public EndpointGuard Guard => _guard;

    public async Task<ChatReply> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Samples);
        var started = _clock.GetTimestamp();
        ChatReply reply;
        if (request.Samples > 1 && !_nativeN)
        {
            reply = await FanOutAsync(request, Enumerable.Range(0, request.Samples), [], 0, cancellationToken);
        }
        else
        {
            var guarded = await _guard.ExecuteAsync(ct => _inner.CompleteAsync(request, ct), EstimateTokens(request), r => r.PromptTokens + r.CompletionTokens, cancellationToken);
            reply = guarded.Value with { Retries = guarded.Retries };
            if (reply.Choices.Count < request.Samples)
            {
                if (_nativeN)
                {
                    _nativeN = false;
                    LogNoNativeN(_logger, _options.Name, request.Samples, reply.Choices.Count);
                }

                var have = reply.Choices.Select(c => c.Index).ToHashSet();
                reply = await FanOutAsync(request, Enumerable.Range(0, request.Samples).Where(i => !have.Contains(i)), reply.Choices, reply.Retries, cancellationToken, reply);
            }
        }

        RememberCompletionSize(reply, request.Samples);
        return reply with
        {
            LatencyMs = _clock.GetElapsedTime(started).TotalMilliseconds,
            CostUsd = _prices.Cost(reply.Model, reply.PromptTokens, reply.CompletionTokens),
            Endpoint = _options.Name,
        };
    }

    /// <summary>Asks for the missing samples one by one (seed + index), in parallel, and merges them with what is already there.</summary>
    private async Task<ChatReply> FanOutAsync(ChatRequest request, IEnumerable<int> indices, IReadOnlyList<ChatChoice> existing, int retries, CancellationToken cancellationToken, ChatReply? first = null)
    {
        var calls = indices.Select(async i =>
        {
            var single = request.ForSingleSample(i);
            var guarded = await _guard.ExecuteAsync(ct => _inner.CompleteAsync(single, ct), EstimateTokens(single), r => r.PromptTokens + r.CompletionTokens, cancellationToken);
            return (Index: i, guarded.Value, guarded.Retries);
        }).ToList();
        var parts = await Task.WhenAll(calls);

        var choices = existing.Concat(parts.Select(p => new ChatChoice(p.Index, p.Value.Content, p.Value.FinishReason))).OrderBy(c => c.Index).ToList();
        var model = first?.Model ?? parts.FirstOrDefault().Value?.Model ?? request.Model;
        return new ChatReply(
            choices[0].Content,
            model,
            (first?.PromptTokens ?? 0) + parts.Sum(p => p.Value.PromptTokens),
            (first?.CompletionTokens ?? 0) + parts.Sum(p => p.Value.CompletionTokens),
            0,
            Simulated: (first?.Simulated ?? false) || parts.Any(p => p.Value.Simulated),
            choices[0].FinishReason)
        {
            Choices = choices,
            Retries = retries + parts.Sum(p => p.Retries),
        };
    }

    /// <summary>Prompt tokens (about 4 characters each) plus the expected completion per sample: max tokens until replies have been seen, then their running mean.</summary>
    private int EstimateTokens(ChatRequest request)
    {
        var prompt = request.Messages.Sum(m => (m.Content.Length / 4) + 4);
        var perSample = Volatile.Read(ref _completionTokensPerSample);
        var completion = perSample < 0 ? request.MaxTokens : Math.Min(request.MaxTokens, perSample * 1.25);
        return (int)Math.Min(int.MaxValue, prompt + (completion * request.Samples));
    }

    private void RememberCompletionSize(ChatReply reply, int samples)
    {
        var observed = (double)reply.CompletionTokens / Math.Max(1, samples);
        var previous = Volatile.Read(ref _completionTokensPerSample);
        Volatile.Write(ref _completionTokensPerSample, previous < 0 ? observed : (0.9 * previous) + (0.1 * observed));
    }

    public void Dispose() => _guard.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM endpoint {Endpoint} returned {Returned} choice(s) for n={Asked}: it ignores n, so samples are now requested one at a time with seed + index")]
    private static partial void LogNoNativeN(ILogger logger, string endpoint, int asked, int returned);
}
