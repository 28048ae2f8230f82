namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>The warm runner's fork server could not start or died; the run it carried is a sandbox failure.</summary>
internal sealed class SandboxServerException(string message) : Exception(message);
