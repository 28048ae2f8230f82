namespace SecureGen.Simulator;

/// <summary>How the simulator behaves. Rates are probabilities per completion.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Share of insecure answers to a plain prompt.</summary>
    public double InsecureRate { get; set; } = 0.5;

    /// <summary>Multiplier on the insecure rate when the prompt asks for secure code.</summary>
    public double SecurityInstructionFactor { get; set; } = 0.6;

    /// <summary>Multiplier on the insecure rate when the prompt carries analyzer findings for the code.</summary>
    public double AnalyzerFeedbackFactor { get; set; } = 0.25;

    /// <summary>Fixed latency added to every completion.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Path of the built-in tasks folder; found beside the app when null.</summary>
    public string? TasksFolder { get; set; }
}
