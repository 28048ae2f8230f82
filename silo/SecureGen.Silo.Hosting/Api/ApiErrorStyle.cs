namespace SecureGen.Silo.Hosting.Api;

/// <summary>How an endpoint group words its errors: SecureGen's own JSON, or OpenAI's error object (for OpenAI clients).</summary>
public enum ApiErrorStyle
{
    SecureGen,
    OpenAi,
    Page,
}
