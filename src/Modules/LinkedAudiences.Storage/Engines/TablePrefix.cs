using System.Text.RegularExpressions;

namespace LinkedAudiences.Storage.Engines;

/// <summary>
/// A prefix put before every la_* name (tables, indexes, the staging tables), so that several Orchard tenants sharing
/// one database and schema, told apart only by their table prefix, keep separate state. The SQL of the stores and
/// migrations names the tables la_*; every command passes through <see cref="Apply"/> (via <see cref="StoreConnection"/>
/// and <see cref="WriteScope"/>), so a new migration step or query is prefixed without knowing about prefixes.
/// </summary>
internal sealed partial class TablePrefix
{
    /// <summary>PostgreSQL truncates names past 63 bytes; the longest la_* name is 19 characters.</summary>
    public const int MaxLength = 40;

    public static readonly TablePrefix None = new("");

    private TablePrefix(string value) => Value = value;

    public string Value { get; }

    /// <summary>Empty, or letters, digits and underscores starting with a letter or underscore (an unquoted SQL identifier).</summary>
    public static TablePrefix Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return None;
        }

        if (value.Length > MaxLength || !Identifier().IsMatch(value))
        {
            throw new ArgumentException(
                $"The state store's table prefix must be letters, digits and underscores starting with a letter or underscore, at most {MaxLength} characters; '{value}' is not.",
                nameof(value));
        }

        return new TablePrefix(value);
    }

    /// <summary>The statement with each la_* name (one that starts a word) prefixed.</summary>
    public string Apply(string sql) => Value.Length == 0 ? sql : StoreName().Replace(sql, Value + "la_");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("(?<![A-Za-z0-9_$])la_")]
    private static partial Regex StoreName();
}
