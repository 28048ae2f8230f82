using Npgsql;
using SecureGen.IntegrationTests.Support;

namespace SecureGen.IntegrationTests.Service;

/// <summary>The tenancy store on PostgreSQL, as a cluster runs it: each test on a database of its own on one private server.</summary>
public sealed class PostgresTenantStoreTests(PostgresServer server) : TenantStoreContract, IClassFixture<PostgresServer>
{
    protected override async Task<string> CreateDatabaseAsync()
    {
        server.RequireRunning();
        var name = "tenants_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server.Postgres))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(server.Postgres) { Database = name }.ConnectionString;
    }
}
