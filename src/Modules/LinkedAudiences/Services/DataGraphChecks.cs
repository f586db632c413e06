using LinkedAudiences.Core.Validation;
using LinkedAudiences.Models;
using Microsoft.Extensions.Localization;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Services;

/// <summary>What publishing a data graph requires: a free, stable key and a graph the engine accepts (and the warehouse, when one is configured).</summary>
public sealed class DataGraphChecks(LinkedAudiencesContent content, WarehouseConnector warehouse, IStringLocalizer<DataGraphChecks> localizer)
{
    private readonly IStringLocalizer S = localizer;

    public async Task<IReadOnlyList<FieldError>> CheckAsync(ContentItem item, DataGraphPart part, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(part);
        var errors = new List<FieldError>();
        await KeyChecks.CheckAsync(errors, part.Key, part.PublishedKey, S["data graph"], key => content.GraphKeyTakenAsync(key, item.ContentItemId), S);

        var check = await CheckGraphAsync(part.Graph, cancellationToken);
        errors.AddRange(check.Errors.Select(e => FieldError.FromValidation(nameof(DataGraphPart.Graph), e)));
        if (check.WarehouseMessage is not null)
        {
            errors.Add(new(nameof(DataGraphPart.Graph), check.WarehouseMessage));
        }

        return errors;
    }

    /// <summary>The graph alone: read, structure, then the live warehouse's tables and types when one is configured.</summary>
    public async Task<GraphCheck> CheckGraphAsync(string? graphJson, CancellationToken cancellationToken)
    {
        var read = GraphReader.Read(graphJson ?? string.Empty);
        if (!read.IsValid)
        {
            return new(read.Errors, CheckedAgainstWarehouse: false, WarehouseMessage: null);
        }

        var structure = DataGraphValidator.Validate(read.Value);
        if (!structure.IsValid)
        {
            return new(structure.Errors, CheckedAgainstWarehouse: false, WarehouseMessage: null);
        }

        try
        {
            return await warehouse.DescribeTablesAsync(cancellationToken) is { } tables
                ? new(DataGraphValidator.Validate(read.Value, tables).Errors, CheckedAgainstWarehouse: true, WarehouseMessage: null)
                : new([], CheckedAgainstWarehouse: false, WarehouseMessage: null);
        }
        catch (WarehouseUnavailableException e)
        {
            return new([], CheckedAgainstWarehouse: false,
                S["The graph cannot be checked against the warehouse: {0} Fix the connection under Configuration → Settings → Linked Audiences.", e.Message]);
        }
    }
}
