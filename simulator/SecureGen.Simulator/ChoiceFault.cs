namespace SecureGen.Simulator;

/// <summary>What goes wrong with one completion: nothing, cut off mid-code, or garbage.</summary>
internal enum ChoiceFault
{
    None,
    Truncated,
    Garbage,
}
