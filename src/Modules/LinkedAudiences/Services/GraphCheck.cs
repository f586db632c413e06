using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Services;

/// <summary>The engine's messages on a graph; a warehouse that could not be reached is said apart from them.</summary>
public sealed record GraphCheck(IReadOnlyList<ValidationError> Errors, bool CheckedAgainstWarehouse, string? WarehouseMessage)
{
    public bool IsValid => Errors.Count == 0 && WarehouseMessage is null;
}
