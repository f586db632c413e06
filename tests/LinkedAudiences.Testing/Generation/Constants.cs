using System.Globalization;
using System.Text.Json;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Generation;

/// <summary>
/// JSON constants for comparisons: mostly a value drawn from the data (cut to a prefix, suffix or infix for the string operators
/// that look for one), sometimes one that does not occur, so results are neither always empty nor always everything.
/// Strings are never empty; numbers carry at most two decimals.
/// </summary>
internal static class Constants
{
    private static readonly DateOnly s_epoch = new(2024, 6, 1);

    public static JsonElement Make(Random random, DataType type, ComparisonOperator op, object? sampled)
    {
        var useSample = sampled is not null && random.NextDouble() < 0.75;
        object value = type switch
        {
            DataType.Number => useSample ? Number(random, (decimal)sampled!) : InventedNumber(random, sampled as decimal?),
            DataType.String => useSample ? Cut(random, (string)sampled!, op) : InventedString(random, sampled as string),
            DataType.Boolean => sampled is bool b && random.NextDouble() < 0.6 ? b : random.Next(2) == 0,
            DataType.Date => (useSample ? ShiftDate(random, (DateOnly)sampled!) : s_epoch.AddDays(random.Next(-200, 900)))
                .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DataType.Time => (useSample ? (TimeOnly)sampled! : new TimeOnly(random.Next(24), random.Next(60), random.Next(60)))
                .ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            DataType.Timestamp => (useSample ? ShiftTimestamp(random, (DateTime)sampled!) : s_epoch.ToDateTime(TimeOnly.MinValue).AddMinutes(random.Next(0, 900 * 24 * 60)))
                .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        return JsonSerializer.SerializeToElement(value);
    }

    /// <summary>A number for an aggregate comparison, near values of the column when one was drawn.</summary>
    public static decimal AggregateNumber(Random random, AggregateFunction function, object? sampled) => function switch
    {
        AggregateFunction.Count => random.Next(0, 5),
        // A sum spans several rows, so aim above a single value now and then.
        AggregateFunction.Sum when sampled is decimal d => Round(d * (decimal)(0.5 + (random.NextDouble() * 3))),
        _ when sampled is decimal d => random.NextDouble() < 0.5 ? Round(d) : Round(d * (decimal)(0.5 + random.NextDouble())),
        _ => InventedNumber(random, null),
    };

    private static decimal Number(Random random, decimal sampled) =>
        random.NextDouble() < 0.7 ? Round(sampled) : Round(sampled + ((decimal)(random.NextDouble() - 0.5) * Math.Max(1m, Math.Abs(sampled))));

    private static decimal InventedNumber(Random random, decimal? near) =>
        near is { } n
            ? Round(n * (decimal)(random.NextDouble() * 2)) + 0.01m
            : Round((decimal)(random.NextDouble() * 2000) - 10m);

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>The part of a drawn string each operator looks for: contains an infix, startsWith a prefix, endsWith a suffix.</summary>
    private static string Cut(Random random, string sampled, ComparisonOperator op)
    {
        if (sampled.Length < 2)
        {
            return sampled;
        }

        var length = random.Next(1, sampled.Length + 1);
        return op switch
        {
            ComparisonOperator.StartsWith => sampled[..length],
            ComparisonOperator.EndsWith => sampled[^length..],
            ComparisonOperator.Contains or ComparisonOperator.NotContains => sampled.Substring(random.Next(sampled.Length - length + 1), length),
            _ => sampled,
        };
    }

    /// <summary>A string that (very likely) does not occur: the drawn one in the other case (strings are case-sensitive), or made up.</summary>
    private static string InventedString(Random random, string? near)
    {
        if (near is not null && random.NextDouble() < 0.5)
        {
            var flipped = string.Concat(near.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)));
            if (!string.Equals(flipped, near, StringComparison.Ordinal))
            {
                return flipped;
            }
        }

        return "zz" + (char)('a' + random.Next(26)) + (char)('a' + random.Next(26));
    }

    private static DateOnly ShiftDate(Random random, DateOnly sampled) =>
        random.NextDouble() < 0.5 ? sampled : sampled.AddDays(random.Next(-30, 31));

    private static DateTime ShiftTimestamp(Random random, DateTime sampled) =>
        random.NextDouble() < 0.5 ? sampled : sampled.AddMinutes(random.Next(-30 * 24 * 60, 30 * 24 * 60));
}
