using System.Text.Json;
using System.Text.Json.Nodes;
using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Core.Snapshots;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Templates;
using LinkedAudiences.Services.Runs;

namespace LinkedAudiences.Services.Activations;

/// <summary>
/// The activation editor's previews: the payload schema for the chosen enrichment, and one real member's event as
/// delivery would send it (same <see cref="EventRenderer"/>, same <see cref="ITemplateRenderer"/>, same enrichment
/// source), nothing sent or recorded. The member is the one asked for, else the first member of the audience's
/// committed membership (the warehouse's membership view).
/// </summary>
public sealed class ActivationPreviews(
    ContentAudienceStore audiences,
    TenantStateStore tenantState,
    WarehouseConnector warehouses,
    ITemplateRenderer templates) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private LazyWarehouse? _warehouse;

    public async Task<ActivationPreviewResult> PreviewAsync(Activation activation, string? memberKey, string? entityKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var audience = await audiences.GetAudienceAsync(activation.AudienceKey, null, cancellationToken);
        var graph = audience is null ? null : await audiences.GetGraphAsync(audience.Settings.GraphKey, null, cancellationToken);
        if (graph is null)
        {
            return new ActivationPreviewResult { Message = $"There is no published audience '{activation.AudienceKey}' with a readable data graph." };
        }

        var schema = PayloadPreview.Schema(activation, graph.Graph);
        if (activation.Mapping is { } mapping && templates.Parse(mapping).Error is { } parseError)
        {
            return new ActivationPreviewResult { Schema = schema, TemplateError = parseError };
        }

        var warehouse = await WarehouseAsync();
        var member = string.IsNullOrWhiteSpace(memberKey) ? await FirstMemberAsync(warehouse, activation.AudienceKey, cancellationToken) : memberKey.Trim();
        if (member is null)
        {
            return new ActivationPreviewResult { Schema = schema, Message = "The audience has no members yet: run it, or enter a profile id to preview." };
        }

        RenderedEvent rendered;
        try
        {
            var preview = new PayloadPreview(new EventRenderer(templates, new AudienceEnrichmentSource(warehouse, audiences)), tenantState.Time);
            rendered = await preview.MemberAsync(activation, member, string.IsNullOrWhiteSpace(entityKey) ? null : entityKey.Trim(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A warehouse that cannot be read answers in the preview, not as a server error.
            return new ActivationPreviewResult { Schema = schema, Member = member, Message = "The warehouse could not be read: " + e.Message };
        }

        if (rendered.Event is not { } sent)
        {
            // Parse errors were answered above with their position; what is left happened while rendering.
            return new ActivationPreviewResult { Schema = schema, Member = member, TemplateError = new TemplateError(rendered.Error!) };
        }

        return new ActivationPreviewResult
        {
            Schema = schema,
            Member = member,
            Payload = JsonNode.Parse(sent.Json)!.ToJsonString(Indented),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_warehouse is not null)
        {
            await _warehouse.DisposeAsync();
        }
    }

    private static async Task<string?> FirstMemberAsync(LazyWarehouse warehouse, string audienceKey, CancellationToken cancellationToken)
    {
        var options = new SnapshotOptions();
        var dialect = warehouse.Dialect;
        var sql = $"SELECT member_key FROM {dialect.QuoteTable(options.Schema, options.MembershipView)} WHERE audience_key = {dialect.Placeholder(1)} ORDER BY member_key LIMIT 1";
        try
        {
            await foreach (var row in warehouse.QueryAsync(new SqlQuery(sql, [new SqlParameter("p1", audienceKey)]), cancellationToken))
            {
                return Convert.ToString(row[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No membership view yet (the audience never ran on this warehouse): no member to offer.
            return null;
        }

        return null;
    }

    private async Task<LazyWarehouse> WarehouseAsync() =>
        _warehouse ??= new LazyWarehouse((await warehouses.GetSettingsAsync()).WarehouseKind, warehouses.OpenAsync);
}

/// <summary>What the editor's preview panel shows.</summary>
public sealed record ActivationPreviewResult
{
    public IReadOnlyList<PayloadField> Schema { get; init; } = [];

    public string? Member { get; init; }

    /// <summary>The event's JSON body, indented.</summary>
    public string? Payload { get; init; }

    public TemplateError? TemplateError { get; init; }

    public string? Message { get; init; }
}
