using LinkedAudiences.Core.Sql;

namespace LinkedAudiences.Core.Snapshots;

/// <summary>
/// The canonical text enrichment hashes are taken over: every value as "length:text", NULL as "-", so no two
/// different value lists give the same text. Entity rows are concatenated in the order of that text, which starts
/// with the row's key, so the hash does not depend on the order rows are read in.
/// </summary>
internal static class EnrichmentSql
{
    public static string Canonical(SqlDialect dialect, string expression)
    {
        var text = dialect.CastToText(expression);
        return $"COALESCE(CAST(length({text}) AS {dialect.TextType}) || ':' || {text}, '-')";
    }

    public static string Concat(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count == 0 ? "''" : string.Join(" || ", list);
    }
}
