namespace LinkedAudiences.Testing;

/// <summary>
/// Figures the test script prints after the run (xunit does not show passing tests' output): appended to the file
/// named by LA_TEST_SUMMARY when the script sets it.
/// </summary>
public static class TestSummaries
{
    private static readonly Lock Gate = new();

    public static void Write(string line)
    {
        var path = Environment.GetEnvironmentVariable("LA_TEST_SUMMARY");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }
}
