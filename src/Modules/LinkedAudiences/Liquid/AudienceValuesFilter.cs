using Fluid;
using Fluid.Values;
using LinkedAudiences.Core.Runs;
using OrchardCore.Liquid;

namespace LinkedAudiences.Liquid;

/// <summary>
/// <c>{{ profile_id | audience_values: "uc1", traits: "plan,lifetime_value", entity: "credit_card", columns: "balance" }}</c>:
/// a member's enrichment values as an activation would send them: <c>traits</c> (name → value, from the profile)
/// and <c>entities</c> (entity → its matched rows in the committed snapshot, at most 10, each { key, values }).
/// At most 20 traits and 20 columns; long text is cut. Nil for a non-member, or when the user may not view audiences.
/// </summary>
public sealed class AudienceValuesFilter(AudienceTemplateData data) : ILiquidFilter
{
    public async ValueTask<FluidValue> ProcessAsync(FluidValue input, FilterArguments arguments, LiquidTemplateContext context)
    {
        if (AudienceFilterValues.Key(input) is not { } member
            || AudienceFilterValues.Key(arguments.At(0)) is not { } audience
            || !await data.IsAllowedAsync())
        {
            return NilValue.Instance;
        }

        var traits = AudienceFilterValues.Names(arguments["traits"]);
        var entity = AudienceFilterValues.Key(arguments["entity"]) is { } name
            ? new EntityEnrichment(name, AudienceFilterValues.Names(arguments["columns"]))
            : null;
        var values = await data.ValuesAsync(audience, member, traits, entity, data.Aborted);
        return values is null ? NilValue.Instance : AudienceFilterValues.Values(values, context.Options);
    }
}
