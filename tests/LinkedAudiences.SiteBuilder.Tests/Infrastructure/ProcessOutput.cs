using System.Text;

namespace LinkedAudiences.SiteBuilder.Tests.Infrastructure;

/// <summary>Everything a child process wrote, both streams interleaved as they arrived.</summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _text.AppendLine(line);
        }
    }

    public IReadOnlyList<string> Lines()
    {
        lock (_gate)
        {
            return _text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }
}
