using Orleans.Hosting;
using Orleans.Hosting.Kubernetes;
using SecureGen.Silo;
using SecureGen.Silo.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
var settings = builder.Configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
builder.AddSecureGenSilo(settings);
if (KubernetesPod.IsCurrent(builder.Configuration))
{
    // Membership stays in Redis; in a pod Orleans also takes its name, address and cluster ids from the pod
    // (POD_* and ORLEANS_* variables, k8s/) and declares a silo dead as soon as its pod is gone.
    builder.Services.UseKubernetesHosting(o => o.Configure(k => k.DeleteDefunctSiloPods = false));
}

var app = builder.Build();
app.MapSecureGenSilo(settings);
app.Run();

/// <summary>The silo process's entry point, public so functional tests host it on WebApplicationFactory.</summary>
public partial class Program;
