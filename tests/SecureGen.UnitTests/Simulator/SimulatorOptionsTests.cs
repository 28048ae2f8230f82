using SecureGen.Simulator;

namespace SecureGen.UnitTests.Simulator;

public sealed class SimulatorOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-simcfg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_config_file_sets_latency_limits_and_faults()
    {
        var path = Path.Combine(_dir, "sim.yaml");
        File.WriteAllText(path, "latency_ms: 500\njitter: lognormal\njitter_ms: 40\nrequests_per_minute: 600\nserver_error_rate: 0.05\ntruncate_rate: 0.1\ninsecure_rate: 0.3\n");

        var options = SimulatorConfigurationLoader.Load(path);

        Assert.Equal((500.0, "lognormal", 40.0, 600, 0.05, 0.1, 0.3), (options.LatencyMs, options.Jitter, options.JitterMs, options.RequestsPerMinute, options.ServerErrorRate, options.TruncateRate, options.InsecureRate));
    }

    [Theory]
    [InlineData("garbage_rate: 1.5\n", "garbage_rate must be between 0 and 1")]
    [InlineData("jitter: uniform\n", "jitter must be none, normal or lognormal")]
    [InlineData("server_error_status: 404\n", "server_error_status must be a 5xx status")]
    [InlineData("latency: 3\n", "line 1")]
    public void Wrong_settings_are_errors_that_say_what_is_wrong(string yaml, string expected)
    {
        var path = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(path, yaml);

        var error = Assert.Throws<InvalidOperationException>(() => SimulatorConfigurationLoader.Load(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Latency_is_the_fixed_part_plus_generation_time_and_seeded_jitter()
    {
        var fixedOnly = new LatencyModel(new SimulatorOptions { LatencyMs = 500, TokensPerSecond = 100 }, new SimulatorRandom(1));
        Assert.Equal(TimeSpan.FromMilliseconds(500 + 2000), fixedOnly.For(200));

        var options = new SimulatorOptions { LatencyMs = 100, Jitter = "lognormal", JitterMs = 50 };
        var a = new LatencyModel(options, new SimulatorRandom(7));
        var b = new LatencyModel(options, new SimulatorRandom(7));
        var draws = Enumerable.Range(0, 500).Select(_ => a.For(0).TotalMilliseconds).ToList();
        Assert.Equal(draws.Take(5), Enumerable.Range(0, 5).Select(_ => b.For(0).TotalMilliseconds));
        Assert.All(draws, d => Assert.True(d > 100));
        var median = draws.Order().ElementAt(250);
        Assert.InRange(median, 140, 160);
    }
}
