namespace LinkedAudiences.Storage.Migrations;

/// <summary>One step of an engine's schema history: applied once, in its own transaction, recorded in la_schema_version.</summary>
internal sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements);
