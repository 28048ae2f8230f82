using SecureGen.Core.Generation;
using SecureGen.Core.Generation.Configuration;
using SecureGen.Simulator;

namespace SecureGen.Cli.Eval;

/// <summary>
/// Decides which endpoints a run talks to: --endpoint, else the configuration file's endpoints, else
/// OPENAI_BASE_URL, else the in-process simulator. Also picks the model and applies --api-key.
/// </summary>
internal sealed class LlmSetup : IAsyncDisposable
{
    /// <summary>Cache identity of the in-process simulator, whose port changes every run.</summary>
    public const string SimulatorEndpointName = "simulator";

    private LlmSetup(LlmConfiguration configuration, string model, SimulatorServer? simulator)
    {
        Configuration = configuration;
        Model = model;
        Simulator = simulator;
    }

    public LlmConfiguration Configuration { get; }

    public string Model { get; }

    /// <summary>Set when this run started its own simulator.</summary>
    public SimulatorServer? Simulator { get; }

    public LlmEndpointOptions Endpoint => Configuration.EndpointFor(Model)!;

    public static LlmChoice ChoiceOf(EvalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new LlmChoice(settings.Endpoint, settings.Model, settings.ApiKey, settings.EmbeddingModel, settings.ConfigPath, TimeSpan.FromMilliseconds(settings.SimulatorLatencyMs));
    }

    /// <summary>
    /// The setup, or the one-line problem that stops a run before it starts: a wrong configuration
    /// file, or a user endpoint that does not answer. Nothing is left running when there is a problem.
    /// </summary>
    public static async Task<(LlmSetup? Setup, string? Problem)> OpenAsync(LlmChoice choice, CancellationToken cancellationToken)
    {
        LlmSetup setup;
        try
        {
            setup = await CreateAsync(choice, cancellationToken);
        }
        catch (LlmConfigurationException e)
        {
            return (null, e.Message);
        }

        if (setup.Simulator is null && await EndpointProbe.FindProblemAsync(setup.Endpoint.BaseUrl, cancellationToken) is { } problem)
        {
            await setup.DisposeAsync();
            return (null, problem);
        }

        return (setup, null);
    }

    /// <exception cref="LlmConfigurationException">The configuration file is wrong.</exception>
    private static async Task<LlmSetup> CreateAsync(LlmChoice settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loaded = LlmConfigurationLoader.Load(settings.ConfigPath);
        var endpoints = loaded.Endpoints.ToList();
        SimulatorServer? simulator = null;
        if (settings.Endpoint is { } url)
        {
            // An endpoint the file describes keeps its limits and prices; a new one gets the defaults.
            var known = endpoints.FirstOrDefault(e => e.BaseUrl.ToString().TrimEnd('/') == url.ToString().TrimEnd('/'));
            endpoints = [known ?? new LlmEndpointOptions
            {
                Name = LlmConfigurationLoader.EndpointNameFor(url),
                BaseUrl = url,
                ApiKey = Environment.GetEnvironmentVariable(LlmConfigurationLoader.ApiKeyVariable) ?? "not-needed",
                Model = settings.Model ?? loaded.DefaultModel ?? new LlmEndpointOptions().Model,
            }];
        }
        else if (endpoints.Count == 0)
        {
            simulator = await SimulatorServer.StartAsync(new SimulatorOptions { LatencyMs = settings.SimulatorLatency.TotalMilliseconds }, cancellationToken);
            endpoints = [new LlmEndpointOptions { Name = SimulatorEndpointName, BaseUrl = simulator.BaseUrl, Model = SimulatorServer.ModelName, EmbeddingModel = SimulatorServer.EmbeddingModelName }];
        }

        var configuration = new LlmConfiguration
        {
            Endpoints = endpoints,
            Prices = loaded.Prices,
            DefaultModel = loaded.DefaultModel,
            CachePath = loaded.CachePath,
            Source = loaded.Source,
        };
        var model = settings.Model ?? (simulator is null ? loaded.DefaultModel : null) ?? endpoints[0].Model;
        if (settings.ApiKey is { } key)
        {
            configuration.EndpointFor(model)!.ApiKey = key;
        }

        if (settings.EmbeddingModel is { } embedding && simulator is null)
        {
            configuration.EndpointFor(model)!.EmbeddingModel = embedding;
        }

        return new LlmSetup(configuration, model, simulator);
    }

    public async ValueTask DisposeAsync()
    {
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
    }
}
