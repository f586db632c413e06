using System.Globalization;
using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Validation;

/// <summary>The seeds' counts: at least 1 or more; exactly and at most 0 or more; counting 0 allows no other filters.</summary>
internal static class CountRules
{
    /// <param name="filtered">Whether the condition also filters (properties, or nested entities).</param>
    /// <param name="filters">What those filters are, for the message: "entity properties or nested entities".</param>
    public static void Check(ValidationErrorList errors, CountFilter? count, string path, bool filtered, string filters)
    {
        if (count is null)
        {
            return;
        }

        var value = count.Value.ToString(CultureInfo.InvariantCulture);
        if (count.Value < 0)
        {
            errors.Add(path.Prop("value"), ValidationRules.InvalidCount, $"A count cannot be negative; found {value}.");
        }
        else if (count.Operator == CountOperator.AtLeast && count.Value == 0)
        {
            errors.Add(path.Prop("value"), ValidationRules.InvalidCount,
                "'At least' needs 1 or more ('at least 0' matches everyone); use 'exactly 0' or 'at most' to find none.");
        }

        if (count.Value == 0 && count.Operator is CountOperator.Exactly or CountOperator.AtMost && filtered)
        {
            errors.Add(path, ValidationRules.ZeroCountWithFilters,
                $"When counting 0 ('{JsonNames.Of(count.Operator)}' 0) you cannot also filter on {filters}; remove the filters or count 1 or more.");
        }
    }
}
