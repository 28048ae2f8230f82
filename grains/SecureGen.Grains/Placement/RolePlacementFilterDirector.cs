using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace SecureGen.Grains.Placement;

/// <summary>
/// Keeps the silos whose metadata lists the grain's role. The built-in metadata filters compare with the
/// caller's metadata, which cannot pin a grain to a fixed role; this one compares with the role itself.
/// A silo whose metadata this silo has not cached is kept: Orleans fetches metadata only when membership changes
/// and skips silos whose I-am-alive looks late at that moment (a CPU-starved silo, often itself), so an unknown
/// entry can stay unknown for the silo's whole life, and dropping it stopped every placement of its grains. Keeping
/// it is safe: the candidates Orleans passes in host the grain class, which only silos with the role keep.
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

        return silos.Where(s => !metadata.GetSiloMetadata(s).Metadata.TryGetValue(SiloRole.MetadataKey, out var roles) || SiloRole.Has(roles, role));
    }
}
