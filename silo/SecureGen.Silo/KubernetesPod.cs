using Orleans.Hosting.Kubernetes;

namespace SecureGen.Silo;

/// <summary>Whether this process runs in a Kubernetes pod that passes Orleans' Kubernetes hosting its variables.</summary>
internal static class KubernetesPod
{
    public static bool IsCurrent(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["KUBERNETES_SERVICE_HOST"])
        && !string.IsNullOrEmpty(configuration[KubernetesHostingOptions.PodNameEnvironmentVariable]);
}
