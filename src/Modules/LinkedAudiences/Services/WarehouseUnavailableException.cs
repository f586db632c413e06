namespace LinkedAudiences.Services;

/// <summary>The configured warehouse cannot be opened; the message is safe to show (no connection string).</summary>
public sealed class WarehouseUnavailableException : Exception
{
    public WarehouseUnavailableException()
    {
    }

    public WarehouseUnavailableException(string message)
        : base(message)
    {
    }

    public WarehouseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
