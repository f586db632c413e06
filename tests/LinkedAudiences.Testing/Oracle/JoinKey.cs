namespace LinkedAudiences.Testing.Oracle;

/// <summary>
/// The value a join compares. Integers and decimals meet as decimals (a BIGINT key joins a DECIMAL column
/// holding the same number, as in SQL); strings compare ordinally; null is no key at all.
/// </summary>
internal static class JoinKey
{
    public static object? Of(object? value) => value switch
    {
        null or DBNull => null,
        long l => (decimal)l,
        int i => (decimal)i,
        short s => (decimal)s,
        byte b => (decimal)b,
        decimal d => d,
        _ => value,
    };
}
