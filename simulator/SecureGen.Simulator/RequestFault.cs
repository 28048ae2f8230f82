namespace SecureGen.Simulator;

/// <summary>What goes wrong with a whole request: nothing, a 5xx status, or a hang.</summary>
internal sealed record RequestFault(int? ServerErrorStatus, bool Hang)
{
    public static RequestFault None { get; } = new(null, false);
}
