using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.Warehouses.Tests.Lifecycle;

/// <summary>The definitions and settings the lifecycle tests save (over the demo graph, saved as "demo").</summary>
internal static class LifecycleAudiences
{
    public const string GraphKey = "demo";

    public static AudienceDefinition Vips() => LinkedAudiencesJson.ParseAudience("""
        { "groups": [ { "conditions": [ { "kind": "trait", "trait": "is_vip", "operator": "equals", "value": true } ] } ] }
        """);

    public static AudienceDefinition Plan(string plan) => LinkedAudiencesJson.ParseAudience($$"""
        { "groups": [ { "conditions": [ { "kind": "trait", "trait": "plan", "operator": "equals", "value": "{{plan}}" } ] } ] }
        """);

    /// <summary>Profiles on <paramref name="plan"/> that are part of <paramref name="audience"/> in the given mode.</summary>
    public static AudienceDefinition PlanAndPartOf(string plan, string audience, string mode) => LinkedAudiencesJson.ParseAudience($$"""
        { "groups": [ { "conditions": [
            { "kind": "trait", "trait": "plan", "operator": "equals", "value": "{{plan}}" },
            { "kind": "audience", "audience": "{{audience}}", "mode": "{{mode}}" } ] } ] }
        """);

    public static AudienceDefinition UnknownTrait() => LinkedAudiencesJson.ParseAudience("""
        { "groups": [ { "conditions": [ { "kind": "trait", "trait": "shoe_size", "operator": "equals", "value": 42 } ] } ] }
        """);

    public static RunSchedule Every(int minutes) => new() { Kind = RunScheduleKind.Interval, IntervalMinutes = minutes };

    public static AudienceSettings Settings(RunSchedule? schedule = null, string? name = null, string graphKey = GraphKey) =>
        new() { GraphKey = graphKey, Name = name, Schedule = schedule ?? RunSchedule.Manual };
}
