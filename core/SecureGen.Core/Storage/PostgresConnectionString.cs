using Npgsql;

namespace SecureGen.Core.Storage;

/// <summary>Accepts both Npgsql's "Host=...;Port=..." form and a postgres://user:pass@host:port/db URL.</summary>
public static class PostgresConnectionString
{
    public static bool IsPostgres(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || spec.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || spec.Contains("Host=", StringComparison.OrdinalIgnoreCase);
    }

    public static string Normalize(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.Contains("://", StringComparison.Ordinal))
        {
            return spec;
        }

        var uri = new Uri(spec);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } db ? Uri.UnescapeDataString(db) : "postgres",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        return builder.ConnectionString;
    }
}
