using System.Globalization;
using System.Text;

namespace LinkedAudiences.Core.Templates;

/// <summary>A string writer that stops a render once it has produced more than its limit.</summary>
internal sealed class BoundedWriter(int limit) : StringWriter(CultureInfo.InvariantCulture)
{
    public override void Write(char value)
    {
        Check(1);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Check(count);
        base.Write(buffer, index, count);
    }

    public override void Write(string? value)
    {
        Check(value?.Length ?? 0);
        base.Write(value);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    private void Check(int adding)
    {
        if (GetStringBuilder().Length + adding > limit)
        {
            throw new OutputLimitException(limit);
        }
    }
}

internal sealed class OutputLimitException(int limit)
    : Exception($"The template's output exceeds the limit of {limit.ToString(CultureInfo.InvariantCulture)} characters.");
