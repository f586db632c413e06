using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Lifecycle;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Validation;
using Microsoft.Extensions.Time.Testing;

namespace LinkedAudiences.Core.Tests.Lifecycle.Fakes;

/// <summary>One host's scheduler and lifecycle over in-memory stores and a fake clock.</summary>
internal sealed class LifecycleHarness
{
    public LifecycleHarness(DateTimeOffset? start = null)
    {
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
        Audiences = new InMemoryAudienceStore(Clock);
        Runs = new InMemoryRunStore();
        Leases = new InMemoryLeaseStore(Clock);
        Runner = new FakeAudienceRunner(Runs, Leases, Clock);
        Lifecycle = new AudienceLifecycle(Audiences, Runs, Leases, Runner, Snapshots, ValidateAsync, Clock, Running);
        Scheduler = NewScheduler(Running);
    }

    public FakeTimeProvider Clock { get; }

    public InMemoryAudienceStore Audiences { get; }

    public InMemoryRunStore Runs { get; }

    public InMemoryLeaseStore Leases { get; }

    public FakeAudienceRunner Runner { get; }

    public FakeSnapshotCleaner Snapshots { get; } = new();

    public RunningAudiences Running { get; } = new();

    public AudienceLifecycle Lifecycle { get; }

    public AudienceScheduler Scheduler { get; }

    /// <summary>What the host's validator answers (valid unless a test says otherwise).</summary>
    public List<ValidationError> ValidatorErrors { get; } = [];

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static RunSchedule Interval(int minutes) => new() { Kind = RunScheduleKind.Interval, IntervalMinutes = minutes };

    public static AudienceSettings Settings(RunSchedule? schedule = null, string? name = null) =>
        new() { GraphKey = "demo", Name = name, Schedule = schedule ?? RunSchedule.Manual };

    public static AudienceDefinition Vips() => LinkedAudiencesJson.ParseAudience("""
        { "groups": [ { "conditions": [ { "kind": "trait", "trait": "is_vip", "operator": "equals", "value": true } ] } ] }
        """);

    public static AudienceDefinition AccountsTarget() => LinkedAudiencesJson.ParseAudience("""
        { "target": { "type": "entity", "entity": "account" },
          "groups": [ { "conditions": [ { "kind": "entity", "entity": "account" } ] } ] }
        """);

    public static AudienceDefinition PartOf(params (string Key, string Mode)[] references) => LinkedAudiencesJson.ParseAudience(
        "{ \"groupOperator\": \"or\", \"groups\": [" +
        string.Join(", ", references.Select(r =>
            $$"""{ "conditions": [ { "kind": "trait", "trait": "plan" }, { "kind": "audience", "audience": "{{r.Key}}", "mode": "{{r.Mode}}" } ] }""")) +
        "] }");

    /// <summary>Another host instance over the same stores (its own in-process registry).</summary>
    public AudienceScheduler NewScheduler(RunningAudiences? running = null) =>
        new(Audiences, Runs, Leases, Runner, Clock, running ?? new RunningAudiences());

    /// <summary>Saves an audience with a given state, as a host would have left it.</summary>
    public async Task<StoredAudience> SeedAsync(string key, RunSchedule schedule, AudienceState state, AudienceDefinition? definition = null)
    {
        await Audiences.SaveAudienceAsync(key, definition ?? Vips(), Settings(schedule, name: key.ToUpperInvariant()), default);
        await Audiences.UpdateStateAsync(key, state, default);
        return (await Audiences.GetAudienceAsync(key, null, default))!;
    }

    /// <summary>An enabled, live audience due at <paramref name="nextRunAt"/>.</summary>
    public Task<StoredAudience> SeedLiveAsync(string key, RunSchedule schedule, DateTimeOffset? nextRunAt) =>
        SeedAsync(key, schedule, new AudienceState { Enabled = true, Status = AudienceStatus.Live, NextRunAt = nextRunAt });

    public async Task<AudienceState> StateAsync(string key) => (await Audiences.GetAudienceAsync(key, null, default))!.State;

    private Task<ValidationResult> ValidateAsync(string key, AudienceDefinition definition, AudienceSettings settings, CancellationToken ct) =>
        Task.FromResult(ValidatorErrors.Count == 0 ? ValidationResult.Success : new ValidationResult([.. ValidatorErrors]));
}
