using Fluid;
using Fluid.Values;
using OrchardCore.Liquid;

namespace LinkedAudiences.Liquid;

/// <summary>
/// <c>{{ profile_id | audience_member: "uc1" }}</c>: true when the key (a profile id, or an entity key for an
/// entity-target audience) is in the audience's committed membership, false when not (or never committed).
/// Nil, not false, when the user may not view audiences or the scope's warehouse lookups are spent, so a template can
/// tell "refused" from "not a member"; both are falsy in an <c>if</c>.
/// </summary>
public sealed class AudienceMemberFilter(AudienceTemplateData data) : ILiquidFilter
{
    public async ValueTask<FluidValue> ProcessAsync(FluidValue input, FilterArguments arguments, LiquidTemplateContext context)
    {
        if (AudienceFilterValues.Key(input) is not { } member
            || AudienceFilterValues.Key(arguments.At(0)) is not { } audience
            || !await data.IsAllowedAsync())
        {
            return NilValue.Instance;
        }

        var membership = await data.MembershipAsync(audience, member, data.Aborted);
        return membership is null ? NilValue.Instance : BooleanValue.Create(membership.IsMember);
    }
}
