namespace SecureGen.Core.Analysis.Sarif;

/// <summary>Text that should have been a SARIF 2.1.0 log is not one.</summary>
public sealed class SarifFormatException : Exception
{
    public SarifFormatException(string message) : base(message)
    {
    }

    public SarifFormatException(string message, Exception inner) : base(message, inner)
    {
    }

    public SarifFormatException()
    {
    }
}
