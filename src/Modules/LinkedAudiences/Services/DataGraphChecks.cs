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

        var read = GraphReader.Read(part.Graph ?? string.Empty);
        if (!read.IsValid)
        {
            errors.AddRange(read.Errors.Select(e => FieldError.FromValidation(nameof(DataGraphPart.Graph), e)));
            return errors;
        }

        var structure = DataGraphValidator.Validate(read.Value);
        if (!structure.IsValid)
        {
            errors.AddRange(structure.Errors.Select(e => FieldError.FromValidation(nameof(DataGraphPart.Graph), e)));
            return errors;
        }

        try
        {
            if (await warehouse.DescribeTablesAsync(cancellationToken) is { } tables)
            {
                var live = DataGraphValidator.Validate(read.Value, tables);
                errors.AddRange(live.Errors.Select(e => FieldError.FromValidation(nameof(DataGraphPart.Graph), e)));
            }
        }
        catch (WarehouseUnavailableException e)
        {
            errors.Add(new(nameof(DataGraphPart.Graph), S["The graph cannot be checked against the warehouse: {0} Fix the connection under Configuration → Settings → Linked Audiences.", e.Message]));
        }

        return errors;
    }
}
