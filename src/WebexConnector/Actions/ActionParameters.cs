namespace WebexConnector.Actions;

/// <summary>Validated parameter values of one action run; an unset parameter is absent.</summary>
public sealed class ActionParameters
{
    private readonly Dictionary<string, object> _values;

    public ActionParameters(IReadOnlyDictionary<string, object> values) =>
        _values = new Dictionary<string, object>(values, StringComparer.Ordinal);

    public string? GetString(string name) => _values.TryGetValue(name, out var value) ? (string)value : null;

    public string GetRequiredString(string name) =>
        GetString(name) ?? throw new InvalidOperationException($"Required parameter '{name}' was not validated.");

    public long? GetInteger(string name) => _values.TryGetValue(name, out var value) ? (long)value : null;

    public bool? GetBoolean(string name) => _values.TryGetValue(name, out var value) ? (bool)value : null;
}
