using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace SecureGen.Grains.Placement;

/// <summary>
/// Keeps the silos whose metadata lists the grain's role. The built-in metadata filters compare with the
/// caller's metadata, which cannot pin a grain to a fixed role; this one compares with the role itself.
/// </summary>
public sealed class RolePlacementFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var role = (filterStrategy as RolePlacementFilterStrategy)?.Role;
        if (string.IsNullOrEmpty(role))
        {
            return silos;
        }

        return silos.Where(s => metadata.GetSiloMetadata(s).Metadata.TryGetValue(SiloRole.MetadataKey, out var roles) && SiloRole.Has(roles, role));
    }
}
