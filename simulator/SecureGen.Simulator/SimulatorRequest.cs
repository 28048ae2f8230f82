namespace SecureGen.Simulator;

/// <summary>One chat request the simulator received. Status 599 marks a request it left hanging.</summary>
public sealed record SimulatorRequest(DateTimeOffset At, int Status, int Samples, long? Seed);
