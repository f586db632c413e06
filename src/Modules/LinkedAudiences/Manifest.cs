using OrchardCore.Modules.Manifest;

[assembly: Module(
    Name = "Linked Audiences",
    Author = "The Linked Audiences contributors",
    Website = "https://github.com/linked-audiences/linked-audiences",
    Version = "0.1.0",
    Description = "Audiences over a warehouse data graph, compiled to SQL that runs in the warehouse.",
    Category = "Marketing"
)]

[assembly: Feature(
    Id = "LinkedAudiences",
    Name = "Linked Audiences",
    Description = "Data graphs, linked audiences and activations, run on schedule in your warehouse.",
    Category = "Marketing",
    Dependencies = ["OrchardCore.Contents", "OrchardCore.Title"]
)]

[assembly: Feature(
    Id = "LinkedAudiences.Workflows",
    Name = "Linked Audiences workflows",
    Description = "Workflow activities for linked audiences: run an audience, check membership, and events when profiles and entities enter or exit, fired once per change.",
    Category = "Marketing",
    Dependencies = ["OrchardCore.Workflows", "LinkedAudiences"]
)]
