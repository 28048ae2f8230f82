using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureGen.Core.Benchmarks;

namespace SecureGen.Simulator;

/// <summary>The simulator as an OpenAI-compatible HTTP server on loopback. Dispose to stop it.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    public const string ModelName = "securegen-simulator";
    public const string EmbeddingModelName = "securegen-simulator-embedding";

    private readonly WebApplication _app;
    private readonly SimulatorState _state;

    private SimulatorServer(WebApplication app, SimulatorState state, Uri baseUrl, int knownTasks)
    {
        _app = app;
        _state = state;
        BaseUrl = baseUrl;
        KnownTasks = knownTasks;
    }

    /// <summary>Base URL including /v1, ready for an OpenAI client.</summary>
    public Uri BaseUrl { get; }

    public int KnownTasks { get; }

    public SimulatorOptions Options => _state.Options;

    /// <summary>What the server has served so far.</summary>
    public SimulatorStatistics Statistics => _state.Statistics;

    /// <param name="clock">Drives latency, hangs and the rate limit; tests pass a fake clock.</param>
    /// <exception cref="ArgumentException">The options are not usable (the message says which).</exception>
    public static async Task<SimulatorServer> StartAsync(SimulatorOptions options, CancellationToken cancellationToken, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var book = new CompletionBook(new BuiltinDatasetLoader().Load(options.TasksFolder));
        var state = new SimulatorState(options, book, clock ?? TimeProvider.System);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-SecureGen-Simulated"] = "true";
            await next(context);
        });
        ModelsEndpoint.Map(app);
        ChatCompletionsEndpoint.Map(app, state);
        EmbeddingsEndpoint.Map(app, state);
        StatsEndpoint.Map(app, state);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorServer(app, state, new Uri(address.TrimEnd('/') + "/v1"), book.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _state.Stopping.CancelAsync();
        await _app.StopAsync();
        _state.Stopping.Dispose();
        await _app.DisposeAsync();
    }
}
