namespace SecureGen.Core.Generation.Configuration;

/// <summary>The endpoints and models a process may call, their prices, and where the response cache lives.</summary>
public sealed class LlmConfiguration
{
    /// <summary>Endpoints in the order given; a model no endpoint lists goes to the first.</summary>
    public IList<LlmEndpointOptions> Endpoints { get; init; } = [];

    public PriceTable Prices { get; init; } = PriceTable.Empty;

    /// <summary>Model used when none is given on the command line; else the first endpoint's model.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>A shared cache file; null keeps the cache in the run's own database.</summary>
    public string? CachePath { get; set; }

    /// <summary>Where the configuration came from, for messages.</summary>
    public string Source { get; init; } = "defaults";

    /// <summary>The endpoint that serves <paramref name="model"/>, else the first one.</summary>
    public LlmEndpointOptions? EndpointFor(string model) => Endpoints.FirstOrDefault(e => e.Serves(model)) ?? Endpoints.FirstOrDefault();
}
