using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using Orleans.Hosting.Kubernetes;
using SecureGen.Core.Scoring;
using SecureGen.Grains;
using SecureGen.Grains.Placement;
using SecureGen.Grains.Telemetry;
using SecureGen.IntegrationTests.Support;
using SecureGen.Silo.Hosting;
using static SecureGen.IntegrationTests.Deployment.KubernetesManifests;

namespace SecureGen.IntegrationTests.Deployment;

/// <summary>Checks k8s/ against the application it deploys, so that a renamed setting, port or metric breaks a test, not a cluster.</summary>
public sealed class ManifestTests
{
    private static readonly string K8sRoot = Path.Combine(RepositoryRoot.Path, "k8s");
    private static readonly KubernetesManifests Manifests = KubernetesManifests.Load(K8sRoot);
    /// <summary>The sections a silo binds under "SecureGen": its settings, and the scorer's and grains' own sections.</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.Ordinal)
    {
        [string.Empty] = typeof(SiloSettings),
        ["SCORER"] = typeof(ScorerOptions),
        ["GRAINS"] = typeof(GrainOptions),
    };

    /// <summary>True when SECUREGEN__A__B names a writable property path the configuration binder fills.</summary>
    private static bool IsSetting(string variable)
    {
        var path = variable["SECUREGEN__".Length..].Split("__");
        var type = Sections.TryGetValue(path[0], out var section) && path.Length > 1 ? section : typeof(SiloSettings);
        var start = type == typeof(SiloSettings) ? 0 : 1;
        foreach (var name in path[start..])
        {
            var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .SingleOrDefault(p => p.CanWrite && p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return false;
            }

            type = property.PropertyType;
        }

        return true;
    }

    /// <summary>What autoscalers may scale on: the silos' exported metrics through Prometheus, or resources.</summary>
    private static readonly string[] TriggerTypes = ["prometheus", "cpu", "memory"];

    /// <summary>How Prometheus shows an OpenTelemetry instrument (dots become underscores; no unit suffix for {annotation} units).</summary>
    private static string PrometheusName(string instrument) => instrument.Replace('.', '_');

    /// <summary>The names of the gauges the silos export for autoscaling, read from the code.</summary>
    private static readonly HashSet<string> LoadMetricNames = typeof(ClusterLoadMetrics).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name.EndsWith("Name", StringComparison.Ordinal) && f.Name != nameof(ClusterLoadMetrics.MeterName))
        .Select(f => PrometheusName((string)f.GetRawConstantValue()!)).ToHashSet();

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
            env[Str(item, "name")!] = Str(item, "value") ?? (Str(item, "valueFrom", "fieldRef", "fieldPath") is { } field ? "fieldRef:" + field : string.Empty);
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
        Assert.All(names, n => Assert.True(IsSetting(n), $"{n} names no setting"));
    }

    [Fact]
    public void The_setting_check_refuses_a_name_the_silo_does_not_bind()
    {
        Assert.True(IsSetting("SECUREGEN__TELEMETRY__OTLPENDPOINT"));
        Assert.True(IsSetting("SECUREGEN__SCORER__PROVIDER"));
        Assert.False(IsSetting("SECUREGEN__TRANSPORT"));
        Assert.False(IsSetting("SECUREGEN__TELEMETRY__QUEUE"));
    }

    [Fact]
    public void Silos_join_through_the_redis_service_and_advertise_their_pod_ip_on_the_ports_they_open()
    {
        foreach (var deployment in SiloDeployments())
        {
            var container = SiloContainer(deployment);
            var env = EffectiveEnvironment(container);
            var redis = ClusterAddress.Parse(env["SECUREGEN__CLUSTER"]);
            var endpoint = Assert.IsType<System.Net.DnsEndPoint>(Assert.Single(redis.EndPoints));
            var service = Manifests.Named("Service", endpoint.Host);
            Assert.Contains(List(service, "spec", "ports"), p => Str(p, "port") == endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("redis", Labels(service, "spec", "selector")["app.kubernetes.io/name"]);

            Assert.Equal("fieldRef:status.podIP", env["SECUREGEN__ADVERTISEDADDRESS"]);
            var ports = List(container, "ports").ToDictionary(p => Str(p, "name")!, p => Str(p, "containerPort")!);
            Assert.Equal(env["SECUREGEN__SILOPORT"], ports["orleans-silo"]);
            Assert.Equal(env["SECUREGEN__GATEWAYPORT"], ports["orleans-gateway"]);
            Assert.True(int.Parse(env["SECUREGEN__SILOPORT"], System.Globalization.CultureInfo.InvariantCulture) > 0, "a silo in a pod needs a fixed port");

            var account = Str(deployment, "spec", "template", "spec", "serviceAccountName");
            Assert.NotNull(Manifests.Named("ServiceAccount", account!));
        }
    }

    [Fact]
    public void Silo_pods_give_orleans_kubernetes_hosting_its_variables_labels_and_pod_permissions()
    {
        var fromPod = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [KubernetesHostingOptions.PodNameEnvironmentVariable] = "fieldRef:metadata.name",
            [KubernetesHostingOptions.PodNamespaceEnvironmentVariable] = "fieldRef:metadata.namespace",
            [KubernetesHostingOptions.PodIPEnvironmentVariable] = "fieldRef:status.podIP",
            [KubernetesHostingOptions.ClusterIdEnvironmentVariable] = $"fieldRef:metadata.labels['{KubernetesHostingOptions.ClusterIdLabel}']",
            [KubernetesHostingOptions.ServiceIdEnvironmentVariable] = $"fieldRef:metadata.labels['{KubernetesHostingOptions.ServiceIdLabel}']",
        };
        foreach (var deployment in SiloDeployments())
        {
            var env = EffectiveEnvironment(SiloContainer(deployment));
            Assert.All(fromPod, kv => Assert.Equal(kv.Value, env.GetValueOrDefault(kv.Key)));
            // The ids Orleans reads from the labels are the ones the silo configures itself with.
            var labels = Labels(deployment, "spec", "template", "metadata", "labels");
            Assert.Equal(OrleansHostExtensions.ClusterId, labels[KubernetesHostingOptions.ClusterIdLabel]);
            Assert.Equal(OrleansHostExtensions.ClusterId, labels[KubernetesHostingOptions.ServiceIdLabel]);

            var account = Str(deployment, "spec", "template", "spec", "serviceAccountName")!;
            var binding = Manifests.OfKind("RoleBinding").Select(b => b.Doc).Single(b => List(b, "subjects").Any(s => Str(s, "name") == account));
            var rules = List(Manifests.Named("Role", Str(binding, "roleRef", "name")!), "rules");
            var pods = Assert.Single(rules, r => List(r, "resources").Contains("pods"));
            Assert.Equal(["get", "list", "patch", "watch"], List(pods, "verbs").Select(v => v.ToString()!).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void The_cluster_runs_only_the_silos_and_the_stores_and_observers_they_use()
    {
        // A container nobody configured a silo to reach (a leftover broker, say) fails here.
        var images = Manifests.OfKind("Deployment").Concat(Manifests.OfKind("StatefulSet"))
            .SelectMany(d => List(d.Doc, "spec", "template", "spec", "containers"))
            .Select(c => Str(c, "image")!.Split(':')[0])
            .ToHashSet();

        Assert.Subset(new HashSet<string> { "securegen/silo", "securegen/silo-gpu", "redis", "postgres", "otel/opentelemetry-collector-contrib", "prom/prometheus" }, images);
    }

    [Fact]
    public void The_dockerfile_copies_and_runs_only_files_that_exist()
    {
        var dockerfile = File.ReadAllText(Path.Combine(K8sRoot, "Dockerfile"));
        foreach (Match script in Regex.Matches(dockerfile, @"scripts/[\w.-]+"))
        {
            Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, script.Value)), $"the Dockerfile uses {script.Value}, which does not exist");
        }
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
    public void Silos_that_store_or_use_tenants_llm_keys_share_one_secrets_key_file_from_a_secret()
    {
        var readers = SiloDeployments().Where(d =>
        {
            var roles = SiloRoles.Parse(EffectiveEnvironment(SiloContainer(d))["SECUREGEN__ROLES"]);
            return roles.Has(SiloRole.Api) || roles.Has(SiloRole.Candidate);
        }).ToList();
        var secrets = new HashSet<string>(StringComparer.Ordinal);

        Assert.NotEmpty(readers);
        foreach (var deployment in readers)
        {
            var name = Str(deployment, "metadata", "name");
            var container = SiloContainer(deployment);
            Assert.True(EffectiveEnvironment(container).TryGetValue("SECUREGEN__SECRETSKEYFILE", out var keyFile), $"{name} sets no SecretsKeyFile");
            var mount = List(container, "volumeMounts").SingleOrDefault(m => keyFile!.StartsWith(Str(m, "mountPath")! + "/", StringComparison.Ordinal));
            Assert.True(mount is not null, $"{name}: {keyFile} is on no mounted volume");
            var volume = List(deployment, "spec", "template", "spec", "volumes").Single(v => Str(v, "name") == Str(mount!, "name"));
            var secret = Str(volume, "secret", "secretName");
            Assert.True(secret is not null, $"{name}: the key file's volume is not a Secret");
            Assert.Contains(Path.GetFileName(keyFile!), Map(Manifests.Named("Secret", secret!), "stringData").Keys.Select(k => k.ToString()));
            secrets.Add(secret! + ":" + keyFile);
        }

        // One key for all of them: a silo with another key cannot decrypt what the api silo stored.
        Assert.Single(secrets);
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
            Assert.Equal("http", Str(container, "livenessProbe", "httpGet", "port"));
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

    [Fact]
    public void Autoscalers_target_real_deployments_and_scale_on_metrics_the_silos_export()
    {
        var deployments = Manifests.OfKind("Deployment").Select(d => Str(d.Doc, "metadata", "name")).ToHashSet();
        var scaled = Manifests.OfKind("ScaledObject").Select(d => d.Doc).ToList();
        Assert.NotEmpty(scaled);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scaledObject in scaled)
        {
            Assert.Contains(Str(scaledObject, "spec", "scaleTargetRef", "name"), deployments);
            foreach (var trigger in List(scaledObject, "spec", "triggers"))
            {
                var type = Str(trigger, "type");
                Assert.Contains(type, TriggerTypes);
                if (type != "prometheus")
                {
                    continue;
                }

                var query = Str(trigger, "metadata", "query")!;
                var metrics = Regex.Matches(query, @"securegen_[a-z_]+").Select(m => m.Value).ToList();
                Assert.NotEmpty(metrics);
                Assert.All(metrics, m => Assert.Contains(m, LoadMetricNames));
                used.UnionWith(metrics);

                // KEDA runs in its own namespace: the server is named with its namespace and must be the Prometheus service.
                var server = new Uri(Str(trigger, "metadata", "serverAddress")!);
                var host = server.Host.Split('.');
                Assert.Equal(Str(BaseKustomization(), "namespace"), host[1]);
                Assert.Contains(List(Manifests.Named("Service", host[0]), "spec", "ports"), p => Str(p, "port") == server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(LoadMetricNames, used);
        foreach (var hpa in Manifests.OfKind("HorizontalPodAutoscaler"))
        {
            Assert.Contains(Str(hpa.Doc, "spec", "scaleTargetRef", "name"), deployments);
        }
    }

    [Fact]
    public void The_collector_receives_otlp_where_the_silos_send_it_and_scrapes_their_metrics_path()
    {
        var silos = SiloDeployments().Select(d => EffectiveEnvironment(SiloContainer(d))).ToList();
        var otlp = new Uri(Assert.Single(silos.Select(e => e["SECUREGEN__TELEMETRY__OTLPENDPOINT"]).Distinct()));
        var collector = CollectorConfig();
        var grpcPort = new Uri("http://" + Str(collector, "receivers", "otlp", "protocols", "grpc", "endpoint")).Port;
        Assert.Equal(otlp.Port, grpcPort);
        var service = Manifests.Named("Service", otlp.Host);
        Assert.Contains(List(service, "spec", "ports"), p => Str(p, "port") == grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var scrape = (Dictionary<object, object>)Assert.Single(List(collector, "receivers", "prometheus", "config", "scrape_configs"));
        Assert.Equal(TelemetryHostExtensions.MetricsPath, Str(scrape, "metrics_path"));
        var keep = List(scrape, "relabel_configs").Where(r => Str(r, "action") == "keep").ToDictionary(r => Str(List(r, "source_labels").Single())!, r => Str(r, "regex")!);
        Assert.Equal("silo", keep["__meta_kubernetes_pod_label_app_kubernetes_io_name"]);
        Assert.All(SiloDeployments(), d => Assert.Contains(List(SiloContainer(d), "ports"), p => Str(p, "name") == keep["__meta_kubernetes_pod_container_port_name"]));

        // The silos push traces only; their metrics come from the scrape, not twice.
        Assert.All(silos, e => Assert.Equal("false", e["SECUREGEN__TELEMETRY__OTLPMETRICS"]));
        Assert.Contains("prometheus", List(collector, "service", "pipelines", "metrics", "receivers").Select(r => r.ToString()));
        Assert.Contains("otlp", List(collector, "service", "pipelines", "traces", "receivers").Select(r => r.ToString()));

        // Prometheus (which KEDA asks) scrapes the collector's Prometheus exporter.
        var exporterPort = new Uri("http://" + Str(collector, "exporters", "prometheus", "endpoint")).Port;
        var prometheus = new Deserializer().Deserialize<Dictionary<object, object>>(Str(Manifests.Named("ConfigMap", "prometheus-config"), "data", "prometheus.yml")!);
        var staticConfig = List(List(prometheus, "scrape_configs").Single(), "static_configs").Single();
        var target = List(staticConfig, "targets").Single().ToString();
        Assert.Equal($"{otlp.Host}:{exporterPort}", target);
        Assert.Contains(List(service, "spec", "ports"), p => Str(p, "port") == exporterPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_production_scorer_uses_the_gpu_image_the_dockerfile_builds()
    {
        var dockerfile = File.ReadAllText(Path.Combine(K8sRoot, "Dockerfile"));
        Assert.Matches(@"ARG SECUREGEN_GPU=false", dockerfile);
        Assert.Matches(@"-p:SecureGenGpu=\$\{SECUREGEN_GPU\}", dockerfile);
        var patch = Manifests.Documents.Single(d => d.File == Path.Combine("overlays", "production", "scorer-gpu.yaml")).Doc;
        var image = Str(List(patch, "spec", "template", "spec", "containers").Single(), "image");
        var production = Manifests.Documents.Single(d => d.File == Path.Combine("overlays", "production", "kustomization.yaml")).Doc;
        Assert.Contains(image, List(production, "images").Select(i => Str(i, "name")));
    }

    private static Dictionary<object, object> BaseKustomization() =>
        Manifests.Documents.Single(d => d.File == Path.Combine("base", "kustomization.yaml")).Doc;

    private static Dictionary<object, object> CollectorConfig() =>
        new Deserializer().Deserialize<Dictionary<object, object>>(Str(Manifests.Named("ConfigMap", "otel-collector-config"), "data", "config.yaml")!);
}
