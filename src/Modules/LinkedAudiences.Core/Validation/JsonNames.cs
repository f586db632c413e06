using System.Text.Json;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Validation;

/// <summary>Enum values spelled as the JSON contracts spell them (LinkedAudiencesJson): "NUMBER", "greaterThanOrEqual", "atLeast".</summary>
public static class JsonNames
{
    public static string Of(DataType type) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(type.ToString());

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        value is DataType type ? Of(type) : JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>"equals, notEquals, lessThan" — for messages listing what is allowed.</summary>
    public static string List(IEnumerable<ComparisonOperator> operators) => string.Join(", ", operators.Select(o => Of(o)));
}
