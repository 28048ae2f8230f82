namespace SecureGen.Silo.Hosting.Api;

/// <summary>OpenAPI tags; every route tagged <see cref="Tenant"/> or <see cref="OpenAi"/> requires a tenant's key.</summary>
public static class ApiTags
{
    public const string Tenant = "tenant";
    public const string OpenAi = "openai";
    public const string Operator = "operator";
    public const string Public = "public";
}
