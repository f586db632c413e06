using System.Globalization;
using System.Text;

namespace LinkedAudiences.Core.Sql.Compilation;

/// <summary>
/// SQL text whose parameters are markers (an index into <see cref="Values"/>) until <see cref="Render"/> numbers them
/// in text order. So fragments can be built in any order, embedded several times (members inside count, sample and
/// matched entities) and still bind correctly: every placeholder in the final text is its own parameter, in order,
/// which is what "?" dialects need and what "$n" dialects accept.
/// </summary>
internal sealed record SqlTemplate(string Text, IReadOnlyList<object?> Values)
{
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    public static string Marker(int index) => Open + index.ToString(CultureInfo.InvariantCulture) + Close;

    /// <summary>Identifiers and graph text must not be able to forge a marker or break the layout.</summary>
    public static bool IsSafe(string text) => !text.Any(c => c is Open or Close || char.IsControl(c));

    public SqlQuery Render(SqlDialect dialect)
    {
        var sql = new StringBuilder(Text.Length);
        var parameters = new List<SqlParameter>();
        var i = 0;
        while (i < Text.Length)
        {
            var open = Text.IndexOf(Open, i);
            if (open < 0)
            {
                sql.Append(Text, i, Text.Length - i);
                break;
            }

            var close = Text.IndexOf(Close, open);
            sql.Append(Text, i, open - i);
            var index = int.Parse(Text.AsSpan(open + 1, close - open - 1), CultureInfo.InvariantCulture);
            parameters.Add(new SqlParameter("p" + (parameters.Count + 1).ToString(CultureInfo.InvariantCulture), Values[index]));
            sql.Append(dialect.Placeholder(parameters.Count));
            i = close + 1;
        }

        return new SqlQuery(sql.ToString(), parameters);
    }
}
