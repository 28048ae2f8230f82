namespace SecureGen.IntegrationTests.Sandbox;

/// <summary>Sandbox tests run one after another: several measure time or load the CPU on purpose (fork bombs, busy loops).</summary>
[CollectionDefinition(Name)]
public sealed class SandboxCollection
{
    public const string Name = "sandbox";
}
