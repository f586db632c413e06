using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Validation;

/// <summary>
/// Checks a data graph: its structure always, and — when the warehouse's introspected tables are given — that every
/// table and column it names exists with a compatible type. Reports every error; never throws for bad input.
/// </summary>
public static class DataGraphValidator
{
    public static ValidationResult Validate(DataGraph graph, IReadOnlyList<WarehouseTable>? tables = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var errors = new ValidationErrorList();
        GraphStructureRules.Check(graph, errors);
        if (tables is not null)
        {
            GraphWarehouseRules.Check(graph, tables, errors);
        }

        return errors.ToResult();
    }
}
