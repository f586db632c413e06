namespace LinkedAudiences.Conformance.Tests;

/// <summary>A larger demo world, so that every example audience (the seeds' use cases) has members to compare.</summary>
public sealed class ExamplesWorld : ConformanceWorld
{
    protected override int Profiles => 2_000;

    protected override int Seed => 42;
}
