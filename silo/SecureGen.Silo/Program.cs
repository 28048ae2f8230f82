using SecureGen.Silo.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
var settings = builder.Configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
builder.AddSecureGenSilo(settings);

var app = builder.Build();
app.MapSecureGenSilo(settings);
app.Run();
