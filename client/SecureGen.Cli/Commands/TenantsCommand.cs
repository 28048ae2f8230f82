using System.CommandLine;
using SecureGen.Cli.Output;
using SecureGen.Cli.Serve;
using SecureGen.Core.Storage;
using SecureGen.Core.Tenancy;
using SecureGen.Silo.Hosting;

namespace SecureGen.Cli.Commands;

/// <summary>`securegen tenants add|list|set-llm`: tenants of the service, in the same store `serve` (or the cluster) uses.</summary>
internal static class TenantsCommand
{
    public static Command Create()
    {
        var command = new Command("tenants", "Manage the service's tenants (API keys, quotas, their own LLM endpoint).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(SetLlm());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "Tenant name: a-z, 0-9, '-' and '_'." };
        var quota = new Option<string?>("--quota") { Description = $"Comma list, e.g. {TenantQuota.Default} (the default)." };
        var llmEndpoint = new Option<string?>("--llm-endpoint") { Description = "The tenant's own OpenAI-compatible LLM base URL." };
        var llmApiKey = new Option<string?>("--llm-api-key") { Description = "The tenant's LLM key: stored encrypted, never shown again." };
        var isOperator = new Option<bool>("--operator") { Description = "An operator key: sees every tenant's runs and the runs page." };
        var (data, db, secrets) = StoreOptions();
        var command = new Command("add", "Add a tenant and print its API key (shown once; only its hash is stored).") { name, quota, llmEndpoint, llmApiKey, isOperator, data, db, secrets };
        command.SetAction(async (parse, cancellationToken) =>
        {
            TenantQuota parsedQuota;
            try
            {
                parsedQuota = TenantQuota.Parse(parse.GetValue(quota));
            }
            catch (FormatException e)
            {
                return CliError.Report(e.Message);
            }

            Uri? endpoint = null;
            if (parse.GetValue(llmEndpoint) is { } endpointText && !Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint))
            {
                return CliError.Report($"--llm-endpoint '{endpointText}' is not an absolute URL");
            }

            var store = await OpenAsync(parse.GetValue(data), parse.GetValue(db), parse.GetValue(secrets), cancellationToken);
            try
            {
                var (tenant, key) = await store.AddAsync(parse.GetValue(name)!, parsedQuota, parse.GetValue(isOperator), endpoint, parse.GetValue(llmApiKey), DateTimeOffset.UtcNow, cancellationToken);
                Console.WriteLine($"tenant {tenant.Id} added{(tenant.IsOperator ? " (operator)" : string.Empty)}: {tenant.Quota}{(tenant.LlmEndpoint is null ? string.Empty : $", LLM {tenant.LlmEndpoint}")}");
                Console.WriteLine("API key (shown only now; send it as Authorization: Bearer KEY):");
                Console.WriteLine(key);
                return 0;
            }
            catch (ArgumentException e)
            {
                return CliError.Report(e.Message);
            }
        });
        return command;
    }

    private static Command List()
    {
        var (data, db, secrets) = StoreOptions();
        var command = new Command("list", "List tenants and their quotas (never their keys).") { data, db, secrets };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = await OpenAsync(parse.GetValue(data), parse.GetValue(db), parse.GetValue(secrets), cancellationToken);
            foreach (var tenant in await store.ListAsync(cancellationToken))
            {
                Console.WriteLine($"{tenant.Id}{(tenant.IsOperator ? " (operator)" : string.Empty)}: {tenant.Quota}{(tenant.LlmEndpoint is null ? string.Empty : $", LLM {tenant.LlmEndpoint} (key {(tenant.HasLlmApiKey ? "stored, redacted" : "none")})")}");
            }

            return 0;
        });
        return command;
    }

    private static Command SetLlm()
    {
        var name = new Argument<string>("name") { Description = "The tenant." };
        var llmEndpoint = new Option<string?>("--llm-endpoint") { Description = "The tenant's own OpenAI-compatible LLM base URL; without it the tenant goes back to the cluster's endpoint." };
        var llmApiKey = new Option<string?>("--llm-api-key") { Description = "The tenant's LLM key: stored encrypted, never shown again." };
        var (data, db, secrets) = StoreOptions();
        var command = new Command("set-llm", "Point a tenant at its own LLM endpoint and key (the next LLM call of its sessions uses them), or back at the cluster's.") { name, llmEndpoint, llmApiKey, data, db, secrets };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Uri? endpoint = null;
            if (parse.GetValue(llmEndpoint) is { } endpointText && !Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint))
            {
                return CliError.Report($"--llm-endpoint '{endpointText}' is not an absolute URL");
            }

            var store = await OpenAsync(parse.GetValue(data), parse.GetValue(db), parse.GetValue(secrets), cancellationToken);
            try
            {
                var tenant = parse.GetValue(name)!;
                if (!await store.SetLlmEndpointAsync(tenant, endpoint, parse.GetValue(llmApiKey), cancellationToken))
                {
                    return CliError.Report($"no tenant '{tenant}'");
                }

                Console.WriteLine(endpoint is null ? $"tenant {tenant} uses the cluster's LLM endpoint" : $"tenant {tenant} uses its own LLM endpoint {endpoint}");
                return 0;
            }
            catch (ArgumentException e)
            {
                return CliError.Report(e.Message);
            }
        });
        return command;
    }

    private static (Option<string?> Data, Option<string?> Db, Option<string?> Secrets) StoreOptions() => (
        new Option<string?>("--data") { Description = "The data folder `serve` uses (default as for serve)." },
        new Option<string?>("--db") { Description = "A cluster's store instead: PostgreSQL connection string or SQLite file; default SECUREGEN_DB." },
        new Option<string?>("--secrets-key") { Description = "AES key file for tenants' LLM keys (default: beside the store)." });

    private static async Task<TenantStore> OpenAsync(string? data, string? db, string? secretsKey, CancellationToken cancellationToken)
    {
        var database = Hosting.CliConfiguration.DatabaseOr(db);
        if (database is null)
        {
            var folder = DataFolder.Resolve(data);
            Directory.CreateDirectory(folder);
            database = DataFolder.Database(folder);
        }

        // The session tables come first: quotas count tokens from them.
        var sessions = SessionStores.Open(database);
        await sessions.InitializeAsync(cancellationToken);
        var store = TenantStore.Open(database, SecretProtector.FromKeyFile(secretsKey ?? SiloSettings.DefaultSecretsKeyFile(database)));
        await store.InitializeAsync(cancellationToken);
        return store;
    }
}
