using Microsoft.Extensions.DependencyInjection;
using SecureGen.Core.Analysis;

namespace SecureGen.Silo.Hosting;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>The persistent Python worker pool, as both the code analyzer and the syntax checker.</summary>
    public static IServiceCollection AddSecureGenAnalysis(this IServiceCollection services, PythonWorkerOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<PythonWorkerPool>();
        services.AddSingleton<ICodeAnalyzer>(sp => sp.GetRequiredService<PythonWorkerPool>());
        services.AddSingleton<ISyntaxChecker>(sp => sp.GetRequiredService<PythonWorkerPool>());
        return services;
    }
}
