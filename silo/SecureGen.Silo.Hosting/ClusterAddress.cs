namespace SecureGen.Silo.Hosting;

/// <summary>Reads the cluster's Redis address (host:port or redis://[:password@]host:port) into what StackExchange.Redis takes.</summary>
public static class ClusterAddress
{
    public const int DefaultPort = 6379;

    /// <exception cref="ArgumentException">The text is no Redis address.</exception>
    public static StackExchange.Redis.ConfigurationOptions Parse(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var text = address.Trim();
        string? password = null;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "tcp") || uri.Host.Length == 0)
            {
                throw new ArgumentException($"'{address}' is not a Redis address (host:port or redis://host:port)", nameof(address));
            }

            if (uri.UserInfo.Length > 0)
            {
                password = Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[^1]);
            }

            text = $"{uri.Host}:{(uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort : uri.Port)}";
        }
        else if (!text.Contains(':', StringComparison.Ordinal))
        {
            text = $"{text}:{DefaultPort}";
        }

        var parts = text.Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || !int.TryParse(parts[1], out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"'{address}' is not a Redis address (host:port or redis://host:port)", nameof(address));
        }

        var options = StackExchange.Redis.ConfigurationOptions.Parse(text);
        options.Password = password;
        options.AbortOnConnectFail = false;
        return options;
    }
}
