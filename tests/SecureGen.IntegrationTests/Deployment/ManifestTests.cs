using System.Reflection;
using System.Text.RegularExpressions;
using SecureGen.Grains.Placement;
using SecureGen.IntegrationTests.Support;
using SecureGen.Silo.Hosting;
using static SecureGen.IntegrationTests.Deployment.KubernetesManifests;

namespace SecureGen.IntegrationTests.Deployment;

/// <summary>Checks k8s/ against the application it deploys, so that a renamed setting, port or queue breaks a test, not a cluster.</summary>
public sealed class ManifestTests
{
    private static readonly string K8sRoot = Path.Combine(RepositoryRoot.Path, "k8s");
    private static readonly KubernetesManifests Manifests = KubernetesManifests.Load(K8sRoot);
    private static readonly HashSet<string> SettingNames = typeof(SiloSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite).Select(p => p.Name.ToUpperInvariant()).ToHashSet();

    private static IEnumerable<Dictionary<object, object>> SiloDeployments() =>
        Manifests.OfKind("Deployment").Where(d => !d.File.Contains("overlays", StringComparison.Ordinal) && Str(d.Doc, "metadata", "name")!.StartsWith("silo-", StringComparison.Ordinal)).Select(d => d.Doc);

    private static Dictionary<object, object> SiloContainer(Dictionary<object, object> deployment) =>
        (Dictionary<object, object>)List(deployment, "spec", "template", "spec", "containers").Single();

    /// <summary>The environment a silo container gets: its own env plus the ConfigMaps and Secrets it loads.</summary>
    private static Dictionary<string, string> EffectiveEnvironment(Dictionary<object, object> container)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in List(container, "envFrom"))
        {
            if (Str(source, "configMapRef", "name") is { } config)
            {
                foreach (var kv in Map(Manifests.Named("ConfigMap", config), "data"))
                {
                    env[kv.Key.ToString()!] = kv.Value?.ToString() ?? string.Empty;
                }
            }

            if (Str(source, "secretRef", "name") is { } secret)
            {
                foreach (var kv in Map(Manifests.Named("Secret", secret), "stringData"))
                {
                    env[kv.Key.ToString()!] = kv.Value?.ToString() ?? string.Empty;
                }
            }
        }

        foreach (var item in List(container, "env"))
        {
            env[Str(item, "name")!] = Str(item, "value") ?? string.Empty;
        }

        return env;
    }

    [Fact]
    public void Every_securegen_variable_in_the_manifests_names_a_real_silo_setting()
    {
        var names = Manifests.Documents.SelectMany(d => Map(d.Doc, "data").Keys.Concat(Map(d.Doc, "stringData").Keys).Select(k => k.ToString()!))
            .Concat(SiloDeployments().SelectMany(d => List(SiloContainer(d), "env").Select(e => Str(e, "name")!)))
            .Where(n => n.StartsWith("SECUREGEN__", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains(n["SECUREGEN__".Length..], SettingNames));
    }

    [Fact]
    public void Each_silo_gets_the_settings_its_roles_need()
    {
        foreach (var deployment in SiloDeployments())
        {
            var env = EffectiveEnvironment(SiloContainer(deployment));
            var roles = SiloRoles.Parse(env["SECUREGEN__ROLES"]);
            Assert.True(env.ContainsKey("SECUREGEN__CLUSTER"), $"{Str(deployment, "metadata", "name")} joins no cluster");
            Assert.True(env.ContainsKey("SECUREGEN__DATABASE"));
            if (roles.Has(SiloRole.Candidate))
            {
                Assert.True(Uri.IsWellFormedUriString(env["SECUREGEN__LLMENDPOINT"], UriKind.Absolute));
            }
        }
    }

    [Fact]
    public void Every_role_is_deployed_and_each_deployment_hosts_one_role()
    {
        var roles = SiloDeployments().Select(d => EffectiveEnvironment(SiloContainer(d))["SECUREGEN__ROLES"]).ToList();

        Assert.Equal(["analyzer", "api", "candidate", "scorer", "session"], roles.Order(StringComparer.Ordinal));
        var all = roles.SelectMany(r => SiloRoles.Parse(r).Names).ToHashSet();
        Assert.Equal(SiloRoles.Parse("all").Names.ToHashSet(), all);
    }

    [Fact]
    public void Ports_and_probe_paths_match_what_the_silo_serves()
    {
        var dockerfile = File.ReadAllText(Path.Combine(K8sRoot, "Dockerfile"));
        var exposed = Regex.Match(dockerfile, @"^EXPOSE (\d+)", RegexOptions.Multiline).Groups[1].Value;
        foreach (var deployment in SiloDeployments())
        {
            var container = SiloContainer(deployment);
            var env = EffectiveEnvironment(container);
            var urlPort = new Uri(env["ASPNETCORE_URLS"].Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var ports = List(container, "ports").ToDictionary(p => Str(p, "name")!, p => Str(p, "containerPort")!);
            Assert.Equal(urlPort, ports["http"]);
            Assert.Equal(exposed, ports["http"]);
            Assert.Equal(HealthEndpoints.LivePath, Str(container, "livenessProbe", "httpGet", "path"));
            Assert.Equal(HealthEndpoints.ReadyPath, Str(container, "readinessProbe", "httpGet", "path"));
            Assert.Contains(Str(container, "readinessProbe", "httpGet", "port")!, ports.Keys);
            Assert.NotNull(At(container, "resources", "requests", "cpu"));
            Assert.NotNull(At(container, "resources", "requests", "memory"));
        }
    }

    [Fact]
    public void The_image_is_the_one_the_dockerfile_builds_and_kustomize_tags()
    {
        var dockerfile = File.ReadAllText(Path.Combine(K8sRoot, "Dockerfile"));
        var project = Regex.Match(dockerfile, @"dotnet publish (\S+\.csproj)").Groups[1].Value;
        var entry = Regex.Match(dockerfile, @"ENTRYPOINT \[""dotnet"", ""([^""]+)""\]").Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, project)), $"{project} does not exist");
        Assert.Equal(Path.GetFileNameWithoutExtension(project) + ".dll", entry);

        var kustomization = Manifests.Documents.Single(d => d.File == Path.Combine("base", "kustomization.yaml")).Doc;
        var tagged = List(kustomization, "images").Select(i => Str(i, "name")).ToHashSet();
        Assert.All(SiloDeployments(), d => Assert.Contains(Str(SiloContainer(d), "image"), tagged));
    }

    [Fact]
    public void Selectors_match_the_labels_of_what_they_select()
    {
        var workloads = Manifests.OfKind("Deployment").Concat(Manifests.OfKind("StatefulSet")).Where(d => !d.File.Contains("overlays", StringComparison.Ordinal)).ToList();
        foreach (var (_, doc) in workloads)
        {
            var labels = Labels(doc, "spec", "template", "metadata", "labels");
            Assert.All(Labels(doc, "spec", "selector", "matchLabels"), kv => Assert.Equal(kv.Value, labels.GetValueOrDefault(kv.Key)));
        }

        foreach (var (_, service) in Manifests.OfKind("Service"))
        {
            var selector = Labels(service, "spec", "selector");
            var target = workloads.SingleOrDefault(w => selector.All(kv => Labels(w.Doc, "spec", "template", "metadata", "labels").GetValueOrDefault(kv.Key) == kv.Value));
            Assert.True(target.Doc is not null, $"service {Str(service, "metadata", "name")} selects nothing");
            var portNames = List(target.Doc, "spec", "template", "spec", "containers").SelectMany(c => List(c, "ports")).Select(p => Str(p, "name")).ToHashSet();
            Assert.All(List(service, "spec", "ports"), p => Assert.Contains(Str(p, "targetPort"), portNames));
        }
    }

    [Fact]
    public void Kustomizations_list_existing_files_and_the_base_lists_every_file_it_has()
    {
        foreach (var (file, doc) in Manifests.Documents.Where(d => Path.GetFileName(d.File) == "kustomization.yaml"))
        {
            var dir = Path.GetDirectoryName(Path.Combine(K8sRoot, file))!;
            foreach (var resource in List(doc, "resources").Select(r => r.ToString()!).Concat(List(doc, "patches").Select(p => Str(p, "path")!)))
            {
                Assert.True(File.Exists(Path.Combine(dir, resource)) || Directory.Exists(Path.Combine(dir, resource)), $"{file} lists missing {resource}");
            }

            foreach (var replica in List(doc, "replicas"))
            {
                Assert.Contains(Str(replica, "name"), Manifests.OfKind("Deployment").Select(d => Str(d.Doc, "metadata", "name")));
            }
        }

        var baseList = List(Manifests.Documents.Single(d => d.File == Path.Combine("base", "kustomization.yaml")).Doc, "resources").Select(r => r.ToString()).ToHashSet();
        var baseFiles = Directory.GetFiles(Path.Combine(K8sRoot, "base"), "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml");
        Assert.All(baseFiles, f => Assert.Contains(f, baseList));
    }

    [Fact]
    public void The_production_scorer_runs_on_gpu_nodes_with_one_gpu()
    {
        var patch = Manifests.Documents.Single(d => d.File == Path.Combine("overlays", "production", "scorer-gpu.yaml")).Doc;

        Assert.Equal("silo-scorer", Str(patch, "metadata", "name"));
        Assert.NotEmpty(Map(patch, "spec", "template", "spec", "nodeSelector"));
        Assert.Contains(List(patch, "spec", "template", "spec", "tolerations"), t => Str(t, "key") == "nvidia.com/gpu");
        var container = List(patch, "spec", "template", "spec", "containers").Single();
        Assert.Equal("silo", Str(container, "name"));
        Assert.Equal("1", Str(container, "resources", "limits", "nvidia.com/gpu"));
        Assert.Equal("silo", Str(SiloContainer(Manifests.Named("Deployment", "silo-scorer")), "name"));
    }
}
