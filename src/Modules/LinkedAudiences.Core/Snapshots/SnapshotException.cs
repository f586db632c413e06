namespace LinkedAudiences.Core.Snapshots;

/// <summary>A snapshot cannot be built as asked (the enrichment names something the audience does not have).</summary>
public sealed class SnapshotException : Exception
{
    public SnapshotException()
    {
    }

    public SnapshotException(string message)
        : base(message)
    {
    }

    public SnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
