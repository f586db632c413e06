using System.Globalization;
using System.Text;
using LinkedAudiences.Core.Sql;

namespace LinkedAudiences.Core.Snapshots;

/// <summary>
/// Snapshot SQL with its values as markers, numbered in text order only when rendered, so fragments can be built in
/// any order and "?" dialects still bind right. A compiled audience query (already rendered, its placeholders
/// numbered from 1) may be embedded once, before any marker: its parameters come first.
/// </summary>
internal sealed class BoundSql(SqlDialect dialect)
{
    private const char Open = '\uE010';
    private const char Close = '\uE011';
    private const char EmbeddedMark = '\uE012';

    private readonly List<object?> _values = [];

    public SqlDialect Dialect { get; } = dialect;

    /// <summary>Where the embedded query goes in the text passed to <see cref="Render"/>.</summary>
    public static string Embedded => EmbeddedMark.ToString();

    /// <summary>Binds a value; returns the marker standing for its placeholder.</summary>
    public string Value(object? value)
    {
        _values.Add(value);
        return Open + (_values.Count - 1).ToString(CultureInfo.InvariantCulture) + Close;
    }

    /// <summary>A text value, cast so that every engine knows its type wherever it stands.</summary>
    public string Text(string value) => Dialect.CastToText(Value(value));

    public string BigInt(long value) => $"CAST({Value(value)} AS BIGINT)";

    public SqlQuery Render(string text, SqlQuery? embedded = null)
    {
        var sql = new StringBuilder(text.Length + (embedded?.Sql.Length ?? 0));
        var parameters = new List<SqlParameter>();
        var at = text.IndexOf(EmbeddedMark, StringComparison.Ordinal);
        if ((at >= 0) != (embedded is not null))
        {
            throw new InvalidOperationException("The embedded query and its mark must come together.");
        }

        if (embedded is not null)
        {
            if (text.AsSpan(0, at).IndexOf(Open) >= 0)
            {
                throw new InvalidOperationException("Values cannot precede the embedded query: its placeholders are numbered from 1.");
            }

            sql.Append(text, 0, at).Append(embedded.Sql);
            parameters.AddRange(embedded.Parameters);
            text = text[(at + 1)..];
        }

        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf(Open, i);
            if (open < 0)
            {
                sql.Append(text, i, text.Length - i);
                break;
            }

            var close = text.IndexOf(Close, open);
            sql.Append(text, i, open - i);
            var index = int.Parse(text.AsSpan(open + 1, close - open - 1), CultureInfo.InvariantCulture);
            parameters.Add(new SqlParameter("p" + (parameters.Count + 1).ToString(CultureInfo.InvariantCulture), _values[index]));
            sql.Append(Dialect.Placeholder(parameters.Count));
            i = close + 1;
        }

        return new SqlQuery(sql.ToString(), parameters);
    }
}
