using LinkedAudiences.Indexes;
using LinkedAudiences.Models;
using OrchardCore.ContentManagement.Metadata;
using OrchardCore.ContentManagement.Metadata.Settings;
using OrchardCore.Data.Migration;
using YesSql.Sql;

namespace LinkedAudiences;

/// <summary>The three content types and the index tables the module queries them by.</summary>
public sealed class Migrations(IContentDefinitionManager contentDefinitionManager) : DataMigration
{
    public async Task<int> CreateAsync()
    {
        await contentDefinitionManager.AlterPartDefinitionAsync(nameof(DataGraphPart), part => part
            .WithDisplayName("Data graph")
            .WithDescription("A warehouse data graph: profiles, events, entities and their relationships, as versioned JSON."));
        await contentDefinitionManager.AlterPartDefinitionAsync(nameof(LinkedAudiencePart), part => part
            .WithDisplayName("Linked audience")
            .WithDescription("An audience definition over a data graph, with its run schedule."));
        await contentDefinitionManager.AlterPartDefinitionAsync(nameof(ActivationPart), part => part
            .WithDisplayName("Activation")
            .WithDescription("Sends an audience's changes to a destination."));

        await DefineTypeAsync(ContentTypes.DataGraph, "Data graph", nameof(DataGraphPart));
        await DefineTypeAsync(ContentTypes.LinkedAudience, "Linked audience", nameof(LinkedAudiencePart));
        await DefineTypeAsync(ContentTypes.Activation, "Activation", nameof(ActivationPart));

        await SchemaBuilder.CreateMapIndexTableAsync<DataGraphIndex>(table => table
            .Column<string>(nameof(DataGraphIndex.ContentItemId), c => c.WithLength(26))
            .Column<string>(nameof(DataGraphIndex.GraphKey), c => c.WithLength(KeyRules.MaxLength))
            .Column<bool>(nameof(DataGraphIndex.Published))
            .Column<bool>(nameof(DataGraphIndex.Latest)));
        await SchemaBuilder.AlterIndexTableAsync<DataGraphIndex>(table => table
            .CreateIndex("IDX_DataGraphIndex_Key", "DocumentId", nameof(DataGraphIndex.GraphKey), nameof(DataGraphIndex.Published), nameof(DataGraphIndex.Latest)));

        await SchemaBuilder.CreateMapIndexTableAsync<LinkedAudienceIndex>(table => table
            .Column<string>(nameof(LinkedAudienceIndex.ContentItemId), c => c.WithLength(26))
            .Column<string>(nameof(LinkedAudienceIndex.AudienceKey), c => c.WithLength(KeyRules.MaxLength))
            .Column<string>(nameof(LinkedAudienceIndex.GraphKey), c => c.WithLength(KeyRules.MaxLength))
            .Column<bool>(nameof(LinkedAudienceIndex.Enabled))
            .Column<string>(nameof(LinkedAudienceIndex.ScheduleKind), c => c.WithLength(16))
            .Column<DateTime?>(nameof(LinkedAudienceIndex.NextRunAtUtc), c => c.Nullable())
            .Column<string>(nameof(LinkedAudienceIndex.Status), c => c.WithLength(16))
            .Column<bool>(nameof(LinkedAudienceIndex.Published))
            .Column<bool>(nameof(LinkedAudienceIndex.Latest)));
        await SchemaBuilder.AlterIndexTableAsync<LinkedAudienceIndex>(table => table
            .CreateIndex("IDX_LinkedAudienceIndex_Key", "DocumentId", nameof(LinkedAudienceIndex.AudienceKey), nameof(LinkedAudienceIndex.Published), nameof(LinkedAudienceIndex.Latest)));
        await SchemaBuilder.AlterIndexTableAsync<LinkedAudienceIndex>(table => table
            .CreateIndex("IDX_LinkedAudienceIndex_Due", "DocumentId", nameof(LinkedAudienceIndex.Enabled), nameof(LinkedAudienceIndex.NextRunAtUtc), nameof(LinkedAudienceIndex.Published)));

        await SchemaBuilder.CreateMapIndexTableAsync<ActivationIndex>(table => table
            .Column<string>(nameof(ActivationIndex.ContentItemId), c => c.WithLength(26))
            .Column<string>(nameof(ActivationIndex.AudienceKey), c => c.WithLength(KeyRules.MaxLength))
            .Column<string>(nameof(ActivationIndex.DestinationKind), c => c.WithLength(32))
            .Column<bool>(nameof(ActivationIndex.Enabled))
            .Column<bool>(nameof(ActivationIndex.Published))
            .Column<bool>(nameof(ActivationIndex.Latest)));
        await SchemaBuilder.AlterIndexTableAsync<ActivationIndex>(table => table
            .CreateIndex("IDX_ActivationIndex_Audience", "DocumentId", nameof(ActivationIndex.AudienceKey), nameof(ActivationIndex.Published), nameof(ActivationIndex.Latest)));

        return 1;
    }

    /// <summary>The audience list filters by folder.</summary>
    public async Task<int> UpdateFrom1Async()
    {
        await SchemaBuilder.AlterIndexTableAsync<LinkedAudienceIndex>(table => table
            .AddColumn<string>(nameof(LinkedAudienceIndex.Folder), c => c.Nullable().WithLength(AudienceFolders.MaxLength)));
        await SchemaBuilder.AlterIndexTableAsync<LinkedAudienceIndex>(table => table
            .CreateIndex("IDX_LinkedAudienceIndex_Folder", "DocumentId", nameof(LinkedAudienceIndex.Folder), nameof(LinkedAudienceIndex.Published), nameof(LinkedAudienceIndex.Latest)));
        return 2;
    }

    private Task DefineTypeAsync(string name, string displayName, string partName) =>
        contentDefinitionManager.AlterTypeDefinitionAsync(name, type => type
            .WithDisplayName(displayName)
            .Creatable()
            .Listable()
            .Draftable()
            .Versionable()
            .Securable()
            .WithPart("TitlePart", part => part.WithPosition("0"))
            .WithPart(partName, part => part.WithPosition("1")));
}
