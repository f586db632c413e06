namespace LinkedAudiences.Core.Lifecycle;

/// <summary>A lifecycle operation refused; <see cref="Exception.Message"/> says why in words a marketer understands.</summary>
public sealed class AudienceLifecycleException(
    LifecycleError error, string audienceKey, string message, IReadOnlyList<AudienceConsumer>? consumers = null)
    : Exception(message)
{
    public LifecycleError Error { get; } = error;

    public string AudienceKey { get; } = audienceKey;

    /// <summary>For <see cref="LifecycleError.HasConsumers"/>: the audiences that reference this one.</summary>
    public IReadOnlyList<AudienceConsumer> Consumers { get; } = consumers ?? [];
}

public enum LifecycleError
{
    NotFound,
    AlreadyExists,

    /// <summary>Run Now on a disabled audience.</summary>
    Disabled,

    /// <summary>A run of the audience is in progress (Run Now, delete).</summary>
    RunInProgress,

    /// <summary>Delete refused: other audiences reference this one.</summary>
    HasConsumers,
}
