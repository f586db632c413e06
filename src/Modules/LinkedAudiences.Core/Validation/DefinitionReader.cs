using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Validation;

/// <summary>Reads an audience definition from JSON text, turning every reading problem into a <see cref="ValidationError"/>.</summary>
public static class DefinitionReader
{
    public static ReadResult<AudienceDefinition> Read(string json) =>
        JsonDocumentReader.Read<AudienceDefinition>(json, "audience definition", AudienceDefinition.CurrentSchemaVersion, d => d.SchemaVersion);
}
