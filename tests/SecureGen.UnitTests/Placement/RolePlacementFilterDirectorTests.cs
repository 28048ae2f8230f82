using System.Collections.Immutable;
using System.Net;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;
using SecureGen.Grains.Placement;
using Xunit;

namespace SecureGen.UnitTests.Placement;

public sealed class RolePlacementFilterDirectorTests
{
    private static readonly SiloAddress SessionSilo = SiloAddress.New(IPAddress.Loopback, 11111, 1);
    private static readonly SiloAddress AnalyzerSilo = SiloAddress.New(IPAddress.Loopback, 11112, 1);
    private static readonly SiloAddress UncachedSilo = SiloAddress.New(IPAddress.Loopback, 11113, 1);

    [Fact]
    public void A_silo_whose_metadata_lacks_the_role_is_filtered_out_and_one_with_it_is_kept()
    {
        var kept = Filter(SiloRole.Session, SessionSilo, AnalyzerSilo);

        Assert.Equal([SessionSilo], kept);
    }

    [Fact]
    public void A_silo_whose_metadata_is_not_cached_is_kept_so_placement_never_stops()
    {
        var kept = Filter(SiloRole.Session, UncachedSilo, AnalyzerSilo);

        Assert.Equal([UncachedSilo], kept);
    }

    private static List<SiloAddress> Filter(string role, params SiloAddress[] silos)
    {
        var director = new RolePlacementFilterDirector(new FakeMetadataCache(new()
        {
            [SessionSilo] = Roles("session,candidate"),
            [AnalyzerSilo] = Roles("analyzer,scorer"),
        }));
        return [.. director.Filter(new RolePlacementFilterStrategy(role), default, silos)];
    }

    // Orleans 10.4.2 fills silo metadata only internally (no public constructor or adder): set it as it would.
    private static SiloMetadata Roles(string roles)
    {
        var metadata = new SiloMetadata();
        typeof(SiloMetadata).GetProperty(nameof(SiloMetadata.Metadata))!.SetValue(metadata, ImmutableDictionary<string, string>.Empty.Add(SiloRole.MetadataKey, roles));
        return metadata;
    }

    private sealed class FakeMetadataCache(Dictionary<SiloAddress, SiloMetadata> known) : ISiloMetadataCache
    {
        public SiloMetadata GetSiloMetadata(SiloAddress siloAddress) => known.GetValueOrDefault(siloAddress) ?? SiloMetadata.Empty;
    }
}
