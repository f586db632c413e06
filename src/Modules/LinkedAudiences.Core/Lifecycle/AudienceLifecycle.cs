using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Lifecycle;

/// <summary>
/// What a marketer does to an audience (seeds: the Overview and Settings tabs): create (saved disabled), update (a new
/// version; the target is locked after the first save), enable (runs it at once), disable, Run Now, clone, delete
/// (refused while other audiences reference it) and list its consumers.
/// </summary>
public sealed class AudienceLifecycle
{
    /// <summary>The <see cref="ValidationError.Rule"/> of an update that changes the target.</summary>
    public const string TargetLockedRule = "target-locked";

    private readonly IAudienceStore _audiences;
    private readonly IRunStore _runs;
    private readonly ISnapshotCleaner _snapshots;
    private readonly AudienceDefinitionValidator _validator;
    private readonly TimeProvider _timeProvider;
    private readonly AudienceRunCycle _cycle;

    /// <param name="running">Share it with the host's <see cref="AudienceScheduler"/>; a private one when null.</param>
    public AudienceLifecycle(
        IAudienceStore audiences,
        IRunStore runs,
        ILeaseStore leases,
        IAudienceRunner runner,
        ISnapshotCleaner snapshots,
        AudienceDefinitionValidator validator,
        TimeProvider timeProvider,
        RunningAudiences? running = null)
    {
        ArgumentNullException.ThrowIfNull(audiences);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _audiences = audiences;
        _runs = runs;
        _snapshots = snapshots;
        _validator = validator;
        _timeProvider = timeProvider;
        _cycle = new AudienceRunCycle(audiences, leases, runner, timeProvider, running ?? new RunningAudiences());
    }

    /// <summary>Validates and saves version 1, disabled (status Disabled, no next run).</summary>
    /// <exception cref="AudienceValidationException">The definition or the schedule is invalid.</exception>
    /// <exception cref="AudienceLifecycleException"><see cref="LifecycleError.AlreadyExists"/>.</exception>
    public async Task<StoredAudience> CreateAsync(
        string key, AudienceDefinition definition, AudienceSettings settings, CancellationToken cancellationToken)
    {
        RequireKey(key);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        if (await _audiences.GetAudienceAsync(key, null, cancellationToken) is not null)
        {
            throw new AudienceLifecycleException(LifecycleError.AlreadyExists, key, $"An audience with the key '{key}' exists already.");
        }

        await ValidateAsync(key, definition, settings, lockedTarget: null, cancellationToken);
        return await SaveNewAsync(key, definition, settings, cancellationToken);
    }

    /// <summary>
    /// Saves a new version of the definition and settings. The target cannot change after the first save. A changed
    /// schedule of an enabled audience takes effect at once (unless it is running: then from the end of that run).
    /// </summary>
    /// <exception cref="AudienceValidationException">Invalid, or the target changed (path <c>$.target</c>, rule <see cref="TargetLockedRule"/>).</exception>
    public async Task<StoredAudience> UpdateAsync(
        string key, AudienceDefinition definition, AudienceSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        var existing = await RequireAsync(key, cancellationToken);
        await ValidateAsync(key, definition, settings, existing.Definition.Target, cancellationToken);
        await _audiences.SaveAudienceAsync(key, definition, settings, cancellationToken);
        if (!SameSchedule(existing.Settings.Schedule, settings.Schedule))
        {
            var now = _timeProvider.GetUtcNow();
            await _cycle.Gate.UpdateAsync(
                key,
                a => a.State.Enabled && a.State.Status != AudienceStatus.Computing && !_cycle.Running.IsRunning(key)
                    ? a.State with { NextRunAt = RunScheduleCalculator.NextRun(a.Settings.Schedule, now) }
                    : null,
                wait: true,
                cancellationToken);
        }

        return await RequireAsync(key, cancellationToken);
    }

    /// <summary>
    /// Enables the audience and runs it at once (trigger <see cref="RunTrigger.Enabled"/>): Computing, then Live or
    /// Failed with the reason; the next scheduled run is computed from the end of that run. Enabling an enabled audience
    /// changes nothing.
    /// </summary>
    /// <returns>The state after the run.</returns>
    public async Task<AudienceState> EnableAsync(string key, CancellationToken cancellationToken)
    {
        var (start, result) = await _cycle.RunAsync(
            key,
            RunTrigger.Enabled,
            a => a.State.Enabled ? null : AudienceRunCycle.Computing(a.State with { Enabled = true }),
            waitForGate: true,
            cancellationToken);
        switch (start)
        {
            case RunCycleStart.Started:
                return result!.State ?? (await RequireAsync(key, cancellationToken)).State;
            case RunCycleStart.AlreadyRunning:
                // A run that began before the audience was disabled is still going here; it finishes the enable
                // (Live or Failed, next run) when it ends.
                var claimed = await _cycle.Gate.UpdateAsync(
                    key,
                    a => a.State.Enabled ? null : AudienceRunCycle.Computing(a.State with { Enabled = true }),
                    wait: true,
                    cancellationToken);
                return claimed.Audience?.State ?? throw NotFound(key);
            case RunCycleStart.NotFound:
                throw NotFound(key);
            default:
                return (await RequireAsync(key, cancellationToken)).State;
        }
    }

    /// <summary>Disables the audience: status Disabled, no next run. A run in progress finishes and leaves it disabled.</summary>
    public async Task<AudienceState> DisableAsync(string key, CancellationToken cancellationToken)
    {
        var result = await _cycle.Gate.UpdateAsync(key, Disabled, wait: true, cancellationToken);
        return result.Audience?.State ?? throw NotFound(key);
    }

    /// <summary>Runs an enabled audience now (trigger <see cref="RunTrigger.Manual"/>), whatever its schedule.</summary>
    /// <exception cref="AudienceLifecycleException">
    /// <see cref="LifecycleError.Disabled"/>, <see cref="LifecycleError.RunInProgress"/> or <see cref="LifecycleError.NotFound"/>.
    /// </exception>
    public async Task<LifecycleRunResult> RunNowAsync(string key, CancellationToken cancellationToken)
    {
        var (start, result) = await _cycle.RunAsync(
            key,
            RunTrigger.Manual,
            a => a.State.Enabled
                ? AudienceRunCycle.Computing(a.State)
                : throw new AudienceLifecycleException(
                    LifecycleError.Disabled, key, $"Audience '{key}' is disabled: enable it to run it (enabling runs it at once)."),
            waitForGate: true,
            cancellationToken);
        return start switch
        {
            RunCycleStart.NotFound => throw NotFound(key),
            RunCycleStart.Started when result!.Outcome != LifecycleRunOutcome.RunningElsewhere => result,
            _ => throw RunInProgress(key),
        };
    }

    /// <summary>
    /// A new audience with the same definition and settings, named "Copy of …", disabled. Its key is
    /// <paramref name="newKey"/>, or "{key}-copy" (then "-copy-2", "-copy-3"…) when null.
    /// </summary>
    public async Task<StoredAudience> CloneAsync(string key, string? newKey, CancellationToken cancellationToken)
    {
        var source = await RequireAsync(key, cancellationToken);
        if (newKey is null)
        {
            newKey = key + "-copy";
            for (var n = 2; await _audiences.GetAudienceAsync(newKey, null, cancellationToken) is not null; n++)
            {
                newKey = FormattableString.Invariant($"{key}-copy-{n}");
            }
        }
        else
        {
            RequireKey(newKey);
            if (await _audiences.GetAudienceAsync(newKey, null, cancellationToken) is not null)
            {
                throw new AudienceLifecycleException(LifecycleError.AlreadyExists, newKey, $"An audience with the key '{newKey}' exists already.");
            }
        }

        var settings = source.Settings with { Name = "Copy of " + (source.Settings.Name ?? key) };
        return await SaveNewAsync(newKey, source.Definition, settings, cancellationToken);
    }

    /// <summary>
    /// Deletes the audience with its versions, runs, outbox and warehouse snapshots. Refused while other audiences
    /// reference it (<see cref="AudienceLifecycleException.Consumers"/> lists them) or while this host runs it.
    /// </summary>
    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await RequireAsync(key, cancellationToken);
        var consumers = await GetConsumersAsync(key, cancellationToken);
        if (consumers.Count > 0)
        {
            var names = string.Join(", ", consumers.Select(c => c.Name is null ? $"'{c.Key}'" : $"'{c.Key}' ({c.Name})"));
            throw new AudienceLifecycleException(
                LifecycleError.HasConsumers,
                key,
                $"Audience '{key}' cannot be deleted: {names} reference{(consumers.Count == 1 ? "s" : string.Empty)} it. Remove those conditions first.",
                consumers);
        }

        if (_cycle.Running.IsRunning(key))
        {
            throw RunInProgress(key);
        }

        // Disabled first, so that no scheduler starts a run of it while its state is being removed.
        await _cycle.Gate.UpdateAsync(key, Disabled, wait: true, cancellationToken);
        // Snapshots before app state: a delete that fails part way leaves the audience listed, and repeating it finishes.
        await _snapshots.DropSnapshotsAsync(key, cancellationToken);
        await _runs.DeleteAudienceAsync(key, cancellationToken);
        await _audiences.DeleteAudienceAsync(key, cancellationToken);
    }

    /// <summary>The audiences whose latest definition references this one (import or membership mode), by key.</summary>
    public async Task<IReadOnlyList<AudienceConsumer>> GetConsumersAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return AudienceConsumers.Find(await _audiences.ListAudiencesAsync(cancellationToken), key);
    }

    private async Task ValidateAsync(
        string key, AudienceDefinition definition, AudienceSettings settings, AudienceTarget? lockedTarget, CancellationToken cancellationToken)
    {
        var result = ValidationResult.Success;
        var target = definition.Target ?? AudienceTarget.Profiles;
        if (lockedTarget is not null && !SameTarget(lockedTarget, target))
        {
            result = new ValidationResult(
            [
                new ValidationError(
                    "$.target",
                    TargetLockedRule,
                    $"target cannot change after the first save: this audience targets {Describe(lockedTarget)}, not {Describe(target)}. " +
                    "Disable or delete it and create a new audience with the new target."),
            ]);
        }

        result = result
            .Concat(RunScheduleValidator.Validate(settings.Schedule))
            .Concat(await _validator(key, definition, settings, cancellationToken));
        if (!result.IsValid)
        {
            throw new AudienceValidationException(result);
        }
    }

    private async Task<StoredAudience> SaveNewAsync(
        string key, AudienceDefinition definition, AudienceSettings settings, CancellationToken cancellationToken)
    {
        var saved = await _audiences.SaveAudienceAsync(key, definition, settings, cancellationToken);
        var state = new AudienceState { Enabled = false, Status = AudienceStatus.Disabled };
        await _audiences.UpdateStateAsync(key, state, cancellationToken);
        return saved with { State = state };
    }

    private async Task<StoredAudience> RequireAsync(string key, CancellationToken cancellationToken) =>
        await _audiences.GetAudienceAsync(key, null, cancellationToken) ?? throw NotFound(key);

    private static AudienceState Disabled(StoredAudience audience) =>
        audience.State with { Enabled = false, Status = AudienceStatus.Disabled, StatusReason = null, NextRunAt = null };

    private static void RequireKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || key.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"An audience key must be non-empty and without spaces; got '{key}'.", nameof(key));
        }
    }

    private static bool SameTarget(AudienceTarget a, AudienceTarget b) =>
        a.Type == b.Type && (a.Type != TargetType.Entity || string.Equals(a.Entity, b.Entity, StringComparison.Ordinal));

    private static string Describe(AudienceTarget target) =>
        target.Type == TargetType.Entity ? $"the entity '{target.Entity}'" : "profiles";

    private static bool SameSchedule(RunSchedule? a, RunSchedule? b) =>
        a is not null && b is not null
            ? a.Kind == b.Kind && a.IntervalMinutes == b.IntervalMinutes && a.TimeOfDay == b.TimeOfDay && a.Days.SequenceEqual(b.Days)
            : ReferenceEquals(a, b);

    private static AudienceLifecycleException NotFound(string key) =>
        new(LifecycleError.NotFound, key, $"There is no audience with the key '{key}'.");

    private static AudienceLifecycleException RunInProgress(string key) =>
        new(LifecycleError.RunInProgress, key, $"A run of audience '{key}' is in progress; try again when it has finished.");
}
