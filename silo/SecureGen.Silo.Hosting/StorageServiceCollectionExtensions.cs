using Microsoft.Extensions.DependencyInjection;
using SecureGen.Core.Storage;

namespace SecureGen.Silo.Hosting;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The embedded SQLite store at the given file.</summary>
    public static IServiceCollection AddSecureGenStorage(this IServiceCollection services, string sqlitePath)
    {
        services.AddSingleton<ISessionStore>(_ => new SqliteSessionStore(sqlitePath));
        return services;
    }
}
