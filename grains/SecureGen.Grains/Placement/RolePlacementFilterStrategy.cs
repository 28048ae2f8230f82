using Orleans.Metadata;
using Orleans.Placement;

namespace SecureGen.Grains.Placement;

/// <summary>The role a grain type needs, carried in the grain type's properties to every silo.</summary>
public sealed class RolePlacementFilterStrategy(string role) : PlacementFilterStrategy(order: 0)
{
    private const string RoleProperty = "role";

    /// <summary>Used by Orleans, which then reads the role from the grain type's properties.</summary>
    public RolePlacementFilterStrategy() : this(string.Empty)
    {
    }

    public string Role { get; private set; } = role;

    public override void AdditionalInitialize(GrainProperties properties) =>
        Role = GetPlacementFilterGrainProperty(RoleProperty, properties) ?? string.Empty;

    protected override IEnumerable<KeyValuePair<string, string>> GetAdditionalGrainProperties(IServiceProvider services, Type grainClass, GrainType grainType, IReadOnlyDictionary<string, string> existingProperties)
    {
        yield return new KeyValuePair<string, string>(RoleProperty, Role);
    }
}
