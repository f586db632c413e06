using Fluid;
using Fluid.Values;
using OrchardCore.Liquid;

namespace LinkedAudiences.Liquid;

/// <summary>
/// <c>{{ "uc1" | audience_size }}</c>: the member count of the audience's newest succeeded run (its committed
/// membership). Nil when the audience never succeeded, or when the user may not view audiences.
/// </summary>
public sealed class AudienceSizeFilter(AudienceTemplateData data) : ILiquidFilter
{
    public async ValueTask<FluidValue> ProcessAsync(FluidValue input, FilterArguments arguments, LiquidTemplateContext context)
    {
        if (AudienceFilterValues.Key(input) is not { } audience || !await data.IsAllowedAsync())
        {
            return NilValue.Instance;
        }

        var run = await data.LastSucceededRunAsync(audience, data.Aborted);
        return run is null ? NilValue.Instance : NumberValue.Create(run.Summary.Members);
    }
}
