using Orleans.Placement;

namespace SecureGen.Grains.Placement;

/// <summary>Places a grain only on silos whose metadata lists the role (see <see cref="RolePlacementFilterDirector"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiredRoleAttribute(string role) : PlacementFilterAttribute(new RolePlacementFilterStrategy(role))
{
    public string Role { get; } = role;
}
