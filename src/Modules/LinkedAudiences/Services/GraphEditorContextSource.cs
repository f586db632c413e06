using System.Text.Json.Nodes;
using LinkedAudiences.Core.Validation;
using Microsoft.Extensions.Localization;

namespace LinkedAudiences.Services;

/// <summary>
/// What the data graph editor offers without an API round trip: the warehouse's tables and columns, each column with
/// the graph type it maps to, as one JSON document the editor embeds in the page.
/// </summary>
public sealed class GraphEditorContextSource(WarehouseConnector warehouse, IStringLocalizer<GraphEditorContextSource> localizer)
{
    private readonly IStringLocalizer S = localizer;

    public async Task<string> BuildAsync(CancellationToken cancellationToken)
    {
        var tables = new JsonArray();
        string? message = null;
        try
        {
            var described = await warehouse.DescribeTablesAsync(cancellationToken);
            if (described is null)
            {
                message = S["No warehouse is configured: set one under Configuration → Settings → Linked Audiences to pick tables and columns here."];
            }

            foreach (var table in (described ?? []).OrderBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal))
            {
                var columns = new JsonArray();
                foreach (var column in table.Columns)
                {
                    columns.Add(new JsonObject
                    {
                        ["name"] = column.Name,
                        ["nativeType"] = column.NativeType,
                        ["type"] = column.Type is { } type ? JsonNames.Of(type) : null,
                        ["isJson"] = column.IsJson,
                    });
                }

                tables.Add(new JsonObject { ["schema"] = table.Schema, ["name"] = table.Name, ["columns"] = columns });
            }
        }
        catch (WarehouseUnavailableException e)
        {
            message = S["The warehouse cannot be read: {0}", e.Message];
        }

        // The default encoder escapes '<' and '>', so the document cannot close the <script> element it is rendered in.
        return new JsonObject { ["tables"] = tables, ["warehouseMessage"] = message }.ToJsonString();
    }
}
