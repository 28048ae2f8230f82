using System.Diagnostics;

namespace SecureGen.IntegrationTests.Support;

/// <summary>
/// RabbitMQ and/or PostgreSQL started by scripts/dev-cluster.sh on free loopback ports with
/// private state, stopped by PID at the end. Problem is set (and tests skip, printing it)
/// only when a server is not installed.
/// </summary>
public class DevClusterServers : IAsyncLifetime
{
    private readonly string _components;
    private readonly string _state = Directory.CreateTempSubdirectory("sg-devcluster-").FullName;
    private readonly int _rabbitPort = FreePort.Next();
    private readonly int _postgresPort = FreePort.Next();
    private readonly int _rabbitDistributionPort = FreePort.Next();

    protected DevClusterServers(string components) => _components = components;

    public string? Problem { get; private set; }

    public string RabbitUri { get; private set; } = string.Empty;

    public string Postgres { get; private set; } = string.Empty;

    public void RequireRunning()
    {
        if (Problem is not null)
        {
            Assert.Skip(Problem);
        }
    }

    public async ValueTask InitializeAsync()
    {
        var missing = new List<string>();
        if (_components.Contains("rabbitmq", StringComparison.Ordinal) && !File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server"))
        {
            missing.Add("rabbitmq-server");
        }

        if (_components.Contains("postgres", StringComparison.Ordinal) && !Directory.Exists("/usr/lib/postgresql"))
        {
            missing.Add("postgresql");
        }

        if (missing.Count > 0)
        {
            Problem = $"not installed: {string.Join(", ", missing)} (scripts/install-deps.sh --test installs them)";
            return;
        }

        var (code, output) = await RunScriptAsync("up");
        if (code != 0)
        {
            throw new InvalidOperationException($"dev-cluster.sh up failed ({code}): {output}");
        }

        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("SG_RABBIT_URI=", StringComparison.Ordinal))
            {
                RabbitUri = line["SG_RABBIT_URI=".Length..].Trim();
            }
            else if (line.StartsWith("SG_POSTGRES=", StringComparison.Ordinal))
            {
                Postgres = line["SG_POSTGRES=".Length..].Trim();
            }
        }
    }

    /// <summary>RabbitMQ's queues with their message counts, as an operator would list them.</summary>
    public async Task<string> QueuesAsync() => (await RunScriptAsync("queues")).Output;

    public async ValueTask DisposeAsync()
    {
        if (Problem is null)
        {
            await RunScriptAsync("down");
        }

        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // Files owned by the postgres user may linger until its processes are gone; the temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task<(int Code, string Output)> RunScriptAsync(string action)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(System.IO.Path.Combine(RepositoryRoot.Path, "scripts", "dev-cluster.sh"));
        info.ArgumentList.Add(action);
        info.ArgumentList.Add(_state);
        info.Environment["SG_COMPONENTS"] = _components;
        info.Environment["SG_RABBIT_PORT"] = _rabbitPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["SG_RABBIT_DIST_PORT"] = _rabbitDistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["SG_POSTGRES_PORT"] = _postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
