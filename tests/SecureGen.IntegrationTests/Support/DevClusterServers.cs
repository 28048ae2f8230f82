using System.Diagnostics;

namespace SecureGen.IntegrationTests.Support;

/// <summary>
/// Redis and/or PostgreSQL started by scripts/dev-cluster.sh on free loopback ports with
/// private state, stopped by PID at the end; the addresses are read from the export line
/// the script prints. Problem is set (and tests skip, printing it) only when a server is not installed.
/// </summary>
public class DevClusterServers : IAsyncLifetime
{
    private readonly string _components;
    private readonly string _state = Directory.CreateTempSubdirectory("sg-devcluster-").FullName;
    private readonly int _redisPort = FreePort.Next();
    private readonly int _postgresPort = FreePort.Next();

    protected DevClusterServers(string components) => _components = components;

    public string? Problem { get; private set; }

    /// <summary>The cluster's Redis address (host:port), as SECUREGEN_CLUSTER.</summary>
    public string Redis { get; private set; } = string.Empty;

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
        if (_components.Contains("redis", StringComparison.Ordinal) && !File.Exists("/usr/bin/redis-server"))
        {
            missing.Add("redis-server");
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

        var exports = output.Split('\n').Single(l => l.StartsWith("export ", StringComparison.Ordinal));
        Redis = Exported(exports, "SECUREGEN_CLUSTER") ?? string.Empty;
        Postgres = Exported(exports, "SECUREGEN_DB") ?? string.Empty;
    }

    /// <summary>A variable's value on the script's "export A=x B='y;z'" line.</summary>
    private static string? Exported(string line, string name)
    {
        var at = line.IndexOf(name + "=", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var value = line[(at + name.Length + 1)..];
        return value.StartsWith('\'') ? value[1..value.IndexOf('\'', 1)] : value.Split(' ')[0];
    }

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
        info.Environment["SG_REDIS_PORT"] = _redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["SG_POSTGRES_PORT"] = _postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
