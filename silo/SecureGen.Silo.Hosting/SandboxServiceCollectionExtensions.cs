using Microsoft.Extensions.DependencyInjection;
using SecureGen.Core.Analysis.Sandbox;
using SecureGen.Core.Benchmarks.Judging;

namespace SecureGen.Silo.Hosting;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>The sandbox for untrusted code and the execution-based judge that runs tasks' tests in it.</summary>
    public static IServiceCollection AddSecureGenSandbox(this IServiceCollection services, SandboxOptions? options = null)
    {
        services.AddSingleton(options ?? new SandboxOptions());
        services.AddSingleton<ISandboxRunner, BubblewrapSandboxRunner>();
        services.AddSingleton<ITestJudge, SandboxTestJudge>();
        return services;
    }
}
