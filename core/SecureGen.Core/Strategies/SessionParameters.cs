namespace SecureGen.Core.Strategies;

/// <summary>Parameters of the session machinery itself, valid with every strategy.</summary>
public static class SessionParameters
{
    public static readonly ParameterSpec GrowCodeBase = new("codebase", "grow", ParameterKind.Boolean, "true",
        "Add every vulnerable candidate a strategy fixed to the secure code base (SecCoder's expansion).");

    public static IReadOnlyList<ParameterSpec> All { get; } = [GrowCodeBase];
}
