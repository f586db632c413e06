using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.State;
using LinkedAudiences.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LinkedAudiences.Storage.Tests;

/// <summary>Versions kept, the target locked after the first save, lifecycle state, delete; graphs with versions.</summary>
public abstract class AudienceStoreTests<TFixture>(TFixture fixture)
    where TFixture : StoreFixture
{
    private static readonly AudienceDefinition Platinum = LinkedAudiencesJson.ParseAudience("""
        { "target": { "type": "profile" },
          "groups": [ { "conditions": [ { "kind": "trait", "trait": "plan", "operator": "equals", "value": "platinum" } ] } ] }
        """);

    private static readonly AudienceDefinition Pro = LinkedAudiencesJson.ParseAudience("""
        { "target": { "type": "profile" },
          "groups": [ { "conditions": [ { "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" } ] } ] }
        """);

    private static readonly AudienceDefinition ActiveAccounts = LinkedAudiencesJson.ParseAudience("""
        { "target": { "type": "entity", "entity": "account" },
          "groups": [ { "conditions": [ { "kind": "entity", "entity": "account",
            "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] } } ] } ] }
        """);

    private static readonly AudienceSettings Settings = new() { Name = "Platinum members", GraphKey = "demo" };

    private readonly CancellationToken _ct = CancellationToken.None;

    private IAudienceStore Audiences => fixture.Store.Audiences;

    [Fact]
    public async Task SaveAudience_New_IsVersionOneAndDisabled()
    {
        var time = new FakeTimeProvider(TestRuns.Anchor);
        await using var store = await fixture.OpenAsync(time);
        var key = TestRuns.NewAudienceKey();

        var saved = await store.Audiences.SaveAudienceAsync(key, Platinum, Settings, _ct);

        Assert.Equal(1, saved.Version);
        Assert.Equal(new AudienceState(), saved.State);
        Assert.Equal(TestRuns.Anchor, saved.SavedAt);
        var read = await store.Audiences.GetAudienceAsync(key, null, _ct);
        Assert.Equal(Json(Platinum), Json(read!.Definition));
        Assert.Equal(new AudienceState { Enabled = false, Status = AudienceStatus.Disabled }, read.State);
        Assert.Equal(TestRuns.Anchor, read.SavedAt);
    }

    [Fact]
    public async Task SaveAudience_Again_KeepsEveryVersion()
    {
        var key = TestRuns.NewAudienceKey();
        await Audiences.SaveAudienceAsync(key, Platinum, Settings, _ct);
        await Audiences.SaveAudienceAsync(key, Pro, Settings with { Name = "Pro members" }, _ct);

        var third = await Audiences.SaveAudienceAsync(key, Platinum, Settings with { Description = "back" }, _ct);

        Assert.Equal(3, third.Version);
        Assert.Equal([1, 2, 3], await Audiences.ListVersionsAsync(key, _ct));
        var second = await Audiences.GetAudienceAsync(key, 2, _ct);
        Assert.Equal(Json(Pro), Json(second!.Definition));
        Assert.Equal("Pro members", second.Settings.Name);
        var latest = await Audiences.GetAudienceAsync(key, null, _ct);
        Assert.Equal((3, "back"), (latest!.Version, latest.Settings.Description));
        Assert.Null(await Audiences.GetAudienceAsync(key, 4, _ct));
    }

    [Fact]
    public async Task SaveAudience_Settings_ReadBackWithTheSchedule()
    {
        var key = TestRuns.NewAudienceKey();
        var settings = new AudienceSettings
        {
            Name = "Weekday mornings",
            Description = "d",
            Folder = "Marketing/EU",
            GraphKey = "demo",
            Schedule = new RunSchedule { Kind = RunScheduleKind.DayAndTime, Days = [DayOfWeek.Monday, DayOfWeek.Friday], TimeOfDay = new TimeOnly(6, 30) },
        };

        await Audiences.SaveAudienceAsync(key, Platinum, settings, _ct);

        var read = (await Audiences.GetAudienceAsync(key, null, _ct))!.Settings;
        Assert.Equal(settings with { Schedule = settings.Schedule with { Days = [] } }, read with { Schedule = read.Schedule with { Days = [] } });
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], read.Schedule.Days);
    }

    [Theory]
    [InlineData("profile", "account")]
    [InlineData("account", "profile")]
    [InlineData("account", "household")]
    public async Task SaveAudience_TargetChanged_ThrowsNamingTheTarget(string firstTarget, string nextTarget)
    {
        var key = TestRuns.NewAudienceKey();
        await Audiences.SaveAudienceAsync(key, Targeting(firstTarget), Settings, _ct);

        var error = await Assert.ThrowsAsync<AudienceTargetLockedException>(() => Audiences.SaveAudienceAsync(key, Targeting(nextTarget), Settings, _ct));

        Assert.Contains("target", error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Equal([1], await Audiences.ListVersionsAsync(key, _ct));
    }

    [Fact]
    public async Task SaveAudience_SameEntityTarget_IsAccepted()
    {
        var key = TestRuns.NewAudienceKey();
        await Audiences.SaveAudienceAsync(key, ActiveAccounts, Settings, _ct);

        var saved = await Audiences.SaveAudienceAsync(key, Targeting("account"), Settings, _ct);

        Assert.Equal(2, saved.Version);
    }

    [Fact]
    public async Task SaveAudience_AfterStateChanges_KeepsTheState()
    {
        var key = TestRuns.NewAudienceKey();
        await Audiences.SaveAudienceAsync(key, Platinum, Settings, _ct);
        var state = new AudienceState
        {
            Enabled = true,
            Status = AudienceStatus.Failed,
            StatusReason = "relation \"profiles\" does not exist",
            NextRunAt = TestRuns.Anchor.AddHours(1),
            LastMemberCount = 1234,
            LastRunAt = TestRuns.Anchor,
        };
        await Audiences.UpdateStateAsync(key, state, _ct);

        var saved = await Audiences.SaveAudienceAsync(key, Pro, Settings, _ct);

        Assert.Equal(state, saved.State);
        Assert.Equal(state, (await Audiences.GetAudienceAsync(key, null, _ct))!.State);
        Assert.Equal(state, (await Audiences.GetAudienceAsync(key, 1, _ct))!.State);
    }

    [Fact]
    public async Task UpdateState_UnknownAudience_ThrowsKeyNotFound()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Audiences.UpdateStateAsync(TestRuns.NewAudienceKey(), new AudienceState(), _ct));
    }

    [Fact]
    public async Task SaveAudience_ConcurrentSavesOfOneKey_GetConsecutiveVersions()
    {
        var key = TestRuns.NewAudienceKey();

        var saved = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Audiences.SaveAudienceAsync(key, Platinum, Settings, _ct))));

        Assert.Equal(Enumerable.Range(1, 12), saved.Select(s => s.Version).Order());
        Assert.Equal(Enumerable.Range(1, 12), await Audiences.ListVersionsAsync(key, _ct));
    }

    [Fact]
    public async Task ListAudiences_Several_LatestVersionOfEachByKey()
    {
        var keys = new[] { "list-" + Guid.NewGuid().ToString("N")[..6] + "-b", "list-" + Guid.NewGuid().ToString("N")[..6] + "-a" };
        await Audiences.SaveAudienceAsync(keys[0], Platinum, Settings, _ct);
        await Audiences.SaveAudienceAsync(keys[0], Pro, Settings, _ct);
        await Audiences.SaveAudienceAsync(keys[1], ActiveAccounts, Settings, _ct);

        var listed = (await Audiences.ListAudiencesAsync(_ct)).Where(a => keys.Contains(a.Key)).ToList();

        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Select(a => a.Key));
        Assert.Equal(2, listed.Single(a => a.Key == keys[0]).Version);
        Assert.Equal(TargetType.Entity, listed.Single(a => a.Key == keys[1]).Definition.Target.Type);
    }

    [Fact]
    public async Task DeleteAudience_Saved_RemovesVersionsAndStateAndFreesTheKey()
    {
        var key = TestRuns.NewAudienceKey();
        await Audiences.SaveAudienceAsync(key, Platinum, Settings, _ct);
        await Audiences.SaveAudienceAsync(key, Pro, Settings, _ct);

        await Audiences.DeleteAudienceAsync(key, _ct);

        Assert.Null(await Audiences.GetAudienceAsync(key, null, _ct));
        Assert.Empty(await Audiences.ListVersionsAsync(key, _ct));
        Assert.DoesNotContain(await Audiences.ListAudiencesAsync(_ct), a => a.Key == key);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Audiences.UpdateStateAsync(key, new AudienceState(), _ct));
        var again = await Audiences.SaveAudienceAsync(key, ActiveAccounts, Settings, _ct);
        Assert.Equal(1, again.Version);
    }

    [Fact]
    public async Task SaveGraph_Twice_KeepsBothVersions()
    {
        var key = "graph-" + Guid.NewGuid().ToString("N")[..8];
        var smaller = DemoGraph.Graph with { Entities = [.. DemoGraph.Graph.Entities.Take(2)], Relationships = [] };

        var first = await Audiences.SaveGraphAsync(key, DemoGraph.Graph, _ct);
        var second = await Audiences.SaveGraphAsync(key, smaller, _ct);

        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal(Json(smaller), Json((await Audiences.GetGraphAsync(key, null, _ct))!.Graph));
        Assert.Equal(Json(DemoGraph.Graph), Json((await Audiences.GetGraphAsync(key, 1, _ct))!.Graph));
        Assert.Null(await Audiences.GetGraphAsync(key, 3, _ct));
        Assert.Null(await Audiences.GetGraphAsync("graph-unknown", null, _ct));
    }

    private static AudienceDefinition Targeting(string target) => target switch
    {
        "profile" => Platinum,
        "account" => ActiveAccounts,
        _ => ActiveAccounts with { Target = new AudienceTarget { Type = TargetType.Entity, Entity = target } },
    };

    private static string Json<T>(T value) => LinkedAudiencesJson.Serialize(value);
}

public sealed class SqliteAudienceStoreTests(SqliteStoreFixture fixture) : AudienceStoreTests<SqliteStoreFixture>(fixture), IClassFixture<SqliteStoreFixture>;

public sealed class PostgresAudienceStoreTests(PostgresStoreFixture fixture) : AudienceStoreTests<PostgresStoreFixture>(fixture), IClassFixture<PostgresStoreFixture>;
