namespace LinkedAudiences.Core.State;

/// <summary>
/// Named leases with an expiry, so that two runs of one audience never overlap — also across host instances sharing a
/// PostgreSQL store. A lease whose owner died expires and can be taken over.
/// </summary>
public interface ILeaseStore
{
    /// <summary>Takes the lease if it is free or expired; true when <paramref name="owner"/> holds it afterwards.</summary>
    Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Extends a lease the owner still holds; false when it was lost.</summary>
    Task<bool> RenewAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken);

    Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken);
}
