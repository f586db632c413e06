using System.Globalization;
using System.Numerics;

namespace LinkedAudiences.Core.Warehouses;

/// <summary>
/// Brings driver values to the engine's CLR types, so that every connector returns the same thing for the same
/// data: whole numbers as long, other numbers as decimal, DateOnly, TimeOnly, timestamps as DateTime (UTC, Kind
/// Unspecified), JSON as string, null for SQL NULL.
/// </summary>
public static class WarehouseValues
{
    public static object? Normalize(object? value) => value switch
    {
        null or DBNull => null,
        long or decimal or string or bool or DateOnly or TimeOnly => value,
        int i => (long)i,
        short s => (long)s,
        sbyte sb => (long)sb,
        byte b => (long)b,
        ushort us => (long)us,
        uint ui => (long)ui,
        ulong ul => ul <= long.MaxValue ? (object)(long)ul : (decimal)ul,
        BigInteger big => FromBigInteger(big),
        // Floating results (avg, stddev) become decimal like every other number; NaN and infinities have no decimal form.
        double d when IsDecimalRange(d) => (decimal)d,
        float f when IsDecimalRange(f) => (decimal)f,
        DateTime dt => Timestamp(dt),
        DateTimeOffset dto => DateTime.SpecifyKind(dto.UtcDateTime, DateTimeKind.Unspecified),
        Guid g => g.ToString(),
        _ => value,
    };

    /// <summary>A timestamp as the engine compares it: UTC without a zone. Local times are converted, UTC ones relabelled.</summary>
    public static DateTime Timestamp(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Unspecified),
        DateTimeKind.Utc => DateTime.SpecifyKind(value, DateTimeKind.Unspecified),
        _ => value,
    };

    private static object FromBigInteger(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            return (long)value;
        }

        // Sums of BIGINT columns come back as 128-bit integers; beyond decimal's range the exact text is all we can keep.
        return decimal.TryParse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d)
            ? d
            : value;
    }

    private static bool IsDecimalRange(double value) => double.IsFinite(value) && Math.Abs(value) < 7.9e28;
}
