using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Validation;

/// <summary>Reads a data graph from JSON text, turning every reading problem into a <see cref="ValidationError"/>.</summary>
public static class GraphReader
{
    public static ReadResult<DataGraph> Read(string json) =>
        JsonDocumentReader.Read<DataGraph>(json, "data graph", DataGraph.CurrentSchemaVersion, g => g.SchemaVersion);
}
