using LinkedAudiences.Core.Activations;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// The enrichment side sheet's previews (seeds: "a preview of the event payload schema based on the properties you
/// select"): the fields an activation's events carry, with their types, and a real member's event as it would be sent
/// (enriched and mapped, nothing delivered). Mapped payloads have the template's own shape, so their schema is the
/// unmapped one the template reads from.
/// </summary>
public sealed class PayloadPreview(EventRenderer renderer, TimeProvider time)
{
    private static readonly string[] EntityFields = ["entity", "entity_key", "branch", "parent_key"];
    private static readonly string[] ContextFields = ["audience_key", "trigger"];

    /// <summary>Field paths (dotted, "[]" for arrays) and their types: "string", "number", "boolean", or a data graph type.</summary>
    public static IReadOnlyList<PayloadField> Schema(Activation activation, DataGraph graph)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(graph);
        var identify = activation.EffectiveAction == ActivationTriggers.Identify;
        var fields = new List<PayloadField> { new("type", "string"), new("userId", "string"), new("messageId", "string"), new("timestamp", "string") };
        var bag = identify ? "traits" : "properties";
        if (identify)
        {
            fields.Add(new("traits." + activation.AudienceKey, "boolean"));
        }
        else
        {
            fields.Add(new("event", "string"));
            fields.Add(new("properties.audience_key", "string"));
            fields.Add(new("properties.membership_version", "number"));
            if (ActivationTriggers.IsEntityTrigger(activation.Trigger))
            {
                fields.AddRange(EntityFields.Select(f => new PayloadField("properties." + f, "string")));
            }
        }

        foreach (var trait in activation.Enrichment.Traits.Select(graph.FindTrait).OfType<TraitDefinition>())
        {
            fields.Add(new($"{bag}.{trait.Name}", trait.Type.ToString().ToUpperInvariant()));
        }

        var entities = identify ? bag : bag + "." + EventRenderer.EntityContext;
        foreach (var wanted in activation.Enrichment.Entities)
        {
            if (graph.FindEntity(wanted.Entity) is not { } entity)
            {
                continue;
            }

            fields.Add(new($"{entities}.{entity.Name}[].entity_key", "string"));
            fields.AddRange(wanted.Columns.Select(entity.FindColumn).OfType<ColumnDefinition>()
                .Select(c => new PayloadField($"{entities}.{entity.Name}[].{c.Name}", c.Type.ToString().ToUpperInvariant())));
        }

        if (identify)
        {
            fields.AddRange(ContextFields.Select(f => new PayloadField("context.linked_audiences." + f, "string")));
            fields.Add(new("context.linked_audiences.membership_version", "number"));
        }

        return fields;
    }

    /// <summary>The event a member would receive for this activation's trigger (entity triggers: for one of its rows), or the render error.</summary>
    public async Task<RenderedEvent> MemberAsync(Activation activation, string memberKey, string? entityKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var context = new AudienceEventContext(activation.AudienceKey, 0, "preview", time.GetUtcNow());
        var change = new EntityChange(memberKey, memberKey, "preview", activation.TriggerEntity ?? "", entityKey ?? "", memberKey);
        var e = activation.Trigger switch
        {
            ActivationTrigger.ProfileEntered => AudienceEvents.Entered(context, memberKey, memberKey),
            ActivationTrigger.ProfileExited => AudienceEvents.Exited(context, memberKey, memberKey),
            ActivationTrigger.EntityEntered => AudienceEvents.EntityEntered(context, change),
            ActivationTrigger.EntityExited => AudienceEvents.EntityExited(context, change),
            _ => AudienceEvents.MembershipChanged(context, memberKey, memberKey, isMember: true),
        };
        return await renderer.RenderAsync(activation, e, cancellationToken);
    }
}

public sealed record PayloadField(string Path, string Type);
