using Fluid;
using Fluid.Values;
using OrchardCore.Liquid;

namespace LinkedAudiences.Liquid;

/// <summary>
/// <c>{{ "uc1" | audience_last_run }}</c>: the audience's newest run of any status, as an object with runId, status,
/// trigger, queuedAt, startedAt, finishedAt, membershipVersion, members, changes (entered, exited, entitiesEntered,
/// entitiesExited, valuesChanged) and error. Nil when it never ran, or when the user may not view audiences.
/// </summary>
public sealed class AudienceLastRunFilter(AudienceTemplateData data) : ILiquidFilter
{
    public async ValueTask<FluidValue> ProcessAsync(FluidValue input, FilterArguments arguments, LiquidTemplateContext context)
    {
        if (AudienceFilterValues.Key(input) is not { } audience || !await data.IsAllowedAsync())
        {
            return NilValue.Instance;
        }

        var run = await data.LastRunAsync(audience, data.Aborted);
        return run is null ? NilValue.Instance : AudienceFilterValues.Run(run, context.Options);
    }
}
