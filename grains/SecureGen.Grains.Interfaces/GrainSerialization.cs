using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using SecureGen.Core.Reporting;

namespace SecureGen.Grains.Interfaces;

/// <summary>
/// The one place core's records (which know nothing of Orleans) get a codec: Orleans' System.Text.Json
/// serializer with the same options as the results store, for every type in SecureGen.Core.
/// </summary>
public static class GrainSerialization
{
    public static ISerializerBuilder AddSecureGenCoreTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: IsCoreType, jsonSerializerOptions: ResultJson.Options);

    public static IServiceCollection AddSecureGenSerialization(this IServiceCollection services) =>
        services.AddSerializer(b => b.AddSecureGenCoreTypes());

    private static bool IsCoreType(Type type) =>
        type.Namespace is { } ns && (ns == "SecureGen.Core" || ns.StartsWith("SecureGen.Core.", StringComparison.Ordinal));
}
