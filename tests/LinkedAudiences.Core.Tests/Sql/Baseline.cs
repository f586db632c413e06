using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using LinkedAudiences.Core.Sql;

namespace LinkedAudiences.Core.Tests.Sql;

/// <summary>
/// EF Core-style SQL baselines: files under Sql/Baselines holding each dialect's SQL side by side, parameters
/// listed above the text. With LA_UPDATE_BASELINES=1 the files are rewritten instead of compared (review the diff).
/// </summary>
internal static class Baseline
{
    public static string Describe(string title, SqlQuery query)
    {
        var text = new StringBuilder();
        text.Append("-- ").Append(title).Append('\n');
        for (var i = 0; i < query.Parameters.Count; i++)
        {
            text.Append("-- #").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(" = ").Append(Format(query.Parameters[i].Value)).Append('\n');
        }

        return text.Append(query.Sql).Append('\n').ToString();
    }

    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, "Baselines", name + ".sql");
        if (Environment.GetEnvironmentVariable("LA_UPDATE_BASELINES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No baseline {path}; run the tests with LA_UPDATE_BASELINES=1 to write it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string Format(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s + "' (string)",
        decimal d => d.ToString(CultureInfo.InvariantCulture) + " (decimal)",
        long l => l.ToString(CultureInfo.InvariantCulture) + " (long)",
        bool b => (b ? "true" : "false") + " (bool)",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (DateOnly)",
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + " (TimeOnly)",
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + " (DateTime " + t.Kind + ")",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) + " (" + value.GetType().Name + ")",
    };
}
