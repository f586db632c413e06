using System.Globalization;
using System.Text;

namespace LinkedAudiences.Core.Templates;

/// <summary>
/// A string writer that stops a render once it has produced more than its limit, or once its time budget is spent (a
/// renderer whose engine takes no cancellation checks the budget at each write).
/// </summary>
public sealed class BoundedWriter(int limit, CancellationToken budget = default) : StringWriter(CultureInfo.InvariantCulture)
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
        budget.ThrowIfCancellationRequested();
        if (GetStringBuilder().Length + adding > limit)
        {
            throw new OutputLimitException(limit);
        }
    }
}

public sealed class OutputLimitException(int limit)
    : Exception($"The template's output exceeds the limit of {limit.ToString(CultureInfo.InvariantCulture)} characters.");
