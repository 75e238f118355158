using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace WebexConnector.Cli;

/// <summary>Source-generated JSON metadata for the few values the CLI builds itself.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
