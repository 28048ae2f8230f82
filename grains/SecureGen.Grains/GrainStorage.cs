namespace SecureGen.Grains;

/// <summary>Names of the storage the grains use; hosts register a provider under each.</summary>
public static class GrainStorage
{
    /// <summary>Session and run state.</summary>
    public const string Name = "securegen";

    /// <summary>Orleans' stream pub-sub state (explicit subscriptions, such as the CLI's).</summary>
    public const string PubSub = "PubSubStore";
}
