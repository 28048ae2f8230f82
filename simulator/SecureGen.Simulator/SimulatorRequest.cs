namespace SecureGen.Simulator;

/// <summary>One chat request the simulator received. Status 599 marks a request it left hanging.</summary>
/// <param name="ApiKey">The bearer key the request carried (null: none), so tests can check who called with which key.</param>
public sealed record SimulatorRequest(DateTimeOffset At, int Status, int Samples, long? Seed, string? ApiKey = null);
