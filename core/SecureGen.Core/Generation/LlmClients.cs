using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureGen.Core.Generation.Caching;
using SecureGen.Core.Generation.Configuration;
using SecureGen.Core.Generation.Resilience;

namespace SecureGen.Core.Generation;

/// <summary>
/// The model clients built from a configuration. Per endpoint the chat pipeline is
/// cache → guard (limits, retries, breaker, accounting) → SDK; embeddings use the first endpoint through its guard.
/// </summary>
public sealed class LlmClients : IDisposable
{
    private readonly List<ResilientChatModel> _guarded;

    private LlmClients(IChatModel chat, IEmbeddingModel embeddings, List<ResilientChatModel> guarded)
    {
        Chat = chat;
        Embeddings = embeddings;
        _guarded = guarded;
    }

    public IChatModel Chat { get; }

    public IEmbeddingModel Embeddings { get; }

    /// <summary>The guarded model of each endpoint, in configuration order.</summary>
    public IReadOnlyList<ResilientChatModel> Endpoints => _guarded;

    /// <param name="cache">Null bypasses the response cache (--no-cache).</param>
    /// <param name="sharedBudget">The cluster's per-endpoint budget; null limits each endpoint in this process only.</param>
    public static LlmClients Create(LlmConfiguration configuration, IResponseCache? cache, TimeProvider? clock = null, ILoggerFactory? loggers = null, IEndpointBudget? sharedBudget = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Endpoints.Count == 0)
        {
            throw new LlmConfigurationException($"{configuration.Source}: no LLM endpoint configured");
        }

        clock ??= TimeProvider.System;
        loggers ??= NullLoggerFactory.Instance;
        var logger = loggers.CreateLogger("SecureGen.Llm");
        var guarded = new List<ResilientChatModel>();
        var routes = new List<(LlmEndpointOptions, IChatModel)>();
        foreach (var endpoint in configuration.Endpoints)
        {
            var resilient = new ResilientChatModel(new OpenAiChatModel(endpoint, clock), endpoint, configuration.Prices, clock, logger, sharedBudget: sharedBudget);
            guarded.Add(resilient);
            routes.Add((endpoint, cache is null ? resilient : new CachingChatModel(resilient, cache, endpoint.Name, clock)));
        }

        var first = configuration.Endpoints[0];
        var embeddings = new ResilientEmbeddingModel(new OpenAiEmbeddingModel(first, clock), guarded[0].Guard);
        return new LlmClients(new ChatModelRouter(routes), embeddings, guarded);
    }

    public void Dispose()
    {
        foreach (var model in _guarded)
        {
            model.Dispose();
        }
    }
}
