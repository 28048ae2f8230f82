using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureGen.Core.Generation;
using SecureGen.Core.Generation.Caching;
using SecureGen.Core.Generation.Configuration;
using SecureGen.Core.Generation.Resilience;

namespace SecureGen.Core.Tenancy;

/// <summary>
/// Resolves "tenant:ID" where the LLM call is made. A tenant with its own endpoint gets a model of its own (cache →
/// guard with its own limits and cluster budget, named "tenant:ID" → SDK with the tenant's key), never the cluster's
/// endpoint: when the tenant's endpoint refuses its key or is down, the call fails with an error naming it. A tenant
/// without one uses the cluster's endpoints, with its cached replies kept apart from everyone else's. The tenant's row
/// is read on every call (one indexed read beside a model call), so a changed endpoint or key applies to the next call.
/// </summary>
public sealed class TenantChatModels : IChatEndpointResolver, IDisposable
{
    public const string ReferencePrefix = "tenant:";

    private readonly TenantStore _tenants;
    private readonly LlmClients _defaults;
    private readonly LlmConfiguration _configuration;
    private readonly IResponseCache? _cache;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly IEndpointBudget? _budget;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _models = new(StringComparer.Ordinal);

    // Models replaced by a tenant's new endpoint may still have calls in flight: they are disposed with this resolver.
    private readonly List<ResilientChatModel> _owned = [];

    /// <param name="defaults">The cluster's model clients, built from <paramref name="configuration"/>.</param>
    /// <param name="cache">Null when replies are not cached.</param>
    public TenantChatModels(TenantStore tenants, LlmClients defaults, LlmConfiguration configuration, IResponseCache? cache, TimeProvider? clock = null, ILoggerFactory? loggers = null, IEndpointBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(configuration);
        _tenants = tenants;
        _defaults = defaults;
        _configuration = configuration;
        _cache = cache;
        _clock = clock ?? TimeProvider.System;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("SecureGen.Llm");
        _budget = budget;
    }

    /// <summary>The reference a tenant's sessions carry.</summary>
    public static string ReferenceFor(string tenantId) => ReferencePrefix + tenantId;

    public async Task<IChatModel> ResolveAsync(string endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.StartsWith(ReferencePrefix, StringComparison.Ordinal) || endpoint.Length == ReferencePrefix.Length)
        {
            throw new LlmEndpointException($"unknown endpoint reference '{endpoint}'");
        }

        var tenantId = endpoint[ReferencePrefix.Length..];
        TenantLlmSettings? settings;
        try
        {
            settings = await _tenants.LlmSettingsAsync(tenantId, cancellationToken);
        }
        catch (CryptographicException e)
        {
            throw new LlmEndpointException($"{endpoint}: the tenant's LLM key cannot be decrypted here (every silo needs the same SecureGen:SecretsKeyFile)", e);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            throw new LlmEndpointException($"{endpoint}: the tenant's LLM endpoint cannot be read from the tenant store: {e.Message}", e);
        }

        if (settings is null)
        {
            throw new LlmEndpointException($"{endpoint}: no such tenant");
        }

        var version = Version(settings);
        lock (_gate)
        {
            if (_models.TryGetValue(tenantId, out var known) && known.Version == version)
            {
                return known.Model;
            }

            IChatModel model = settings.Endpoint is null ? ClusterEndpointFor(endpoint) : OwnEndpointFor(endpoint, settings);
            _models[tenantId] = new Entry(version, model);
            return model;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var model in _owned)
            {
                model.Dispose();
            }

            _owned.Clear();
            _models.Clear();
        }
    }

    /// <summary>The cluster's guarded endpoints, each behind a cache whose keys also name the tenant.</summary>
    private IChatModel ClusterEndpointFor(string reference)
    {
        if (_cache is null)
        {
            return _defaults.Chat;
        }

        var routes = _configuration.Endpoints.Zip(_defaults.Endpoints, (options, guarded) =>
            (options, (IChatModel)new CachingChatModel(guarded, _cache, $"{options.Name} {reference}", _clock))).ToList();
        return new ChatModelRouter(routes);
    }

    private NamedFailures OwnEndpointFor(string reference, TenantLlmSettings settings)
    {
        // Limits, retries and timeouts as the cluster's endpoint; the URL, key and name (so its own cluster budget) the tenant's.
        var template = _configuration.Endpoints[0];
        var options = new LlmEndpointOptions
        {
            Name = reference,
            BaseUrl = settings.Endpoint!,
            ApiKey = settings.ApiKey ?? "not-needed",
            Model = template.Model,
            Timeout = template.Timeout,
            MaxRetries = template.MaxRetries,
            BackoffBase = template.BackoffBase,
            BackoffMax = template.BackoffMax,
            MaxRetryAfter = template.MaxRetryAfter,
            MaxConcurrency = template.MaxConcurrency,
            CircuitBreakerFailures = template.CircuitBreakerFailures,
            CircuitBreakerCoolDown = template.CircuitBreakerCoolDown,
        };
        var guarded = new ResilientChatModel(new OpenAiChatModel(options, _clock), options, _configuration.Prices, _clock, _logger, sharedBudget: _budget);
        _owned.Add(guarded);
        IChatModel model = _cache is null ? guarded : new CachingChatModel(guarded, _cache, $"{reference} {settings.Endpoint}", _clock);
        return new NamedFailures(model, $"{reference} (the tenant's own LLM endpoint {settings.Endpoint})");
    }

    /// <summary>What the model was built from: the endpoint and a hash of the key (the key itself is not kept twice).</summary>
    private static string Version(TenantLlmSettings settings) =>
        $"{settings.Endpoint} {(settings.ApiKey is null ? "-" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings.ApiKey))))}";

    private sealed record Entry(string Version, IChatModel Model);

    /// <summary>Failures say whose endpoint failed, so a tenant (and its operator) sees at once that it was not the cluster's.</summary>
    private sealed class NamedFailures(IChatModel inner, string name) : IChatModel
    {
        public async Task<ChatReply> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
        {
            try
            {
                return await inner.CompleteAsync(request, cancellationToken);
            }
            catch (LlmEndpointException e)
            {
                throw new LlmEndpointException($"{name}: {e.Message}", e)
                {
                    StatusCode = e.StatusCode,
                    RetryAfter = e.RetryAfter,
                    IsTransient = e.IsTransient,
                    Retries = e.Retries,
                };
            }
        }
    }
}
