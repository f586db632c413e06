using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Lifecycle;

/// <summary>An audience whose definition references another one (the seeds' Consumers tab).</summary>
/// <param name="Modes">How it references it: import, membership, or both (in different conditions).</param>
public sealed record AudienceConsumer(string Key, string? Name, IReadOnlyList<AudienceReferenceMode> Modes);
