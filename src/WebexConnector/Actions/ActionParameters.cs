namespace WebexConnector.Actions;

/// <summary>
/// Validated parameter values of one action run; an unset parameter is absent. Read through the definition an
/// action declares as a member (<c>parameters.GetString(SendMessageAction.Message)</c>), so a renamed parameter is
/// a compile error rather than a value that is silently never read.
/// </summary>
internal sealed class ActionParameters
{
    private readonly Dictionary<string, object> _values;

    public ActionParameters(IReadOnlyDictionary<string, object> values) =>
        _values = new Dictionary<string, object>(values, StringComparer.Ordinal);

    public string? GetString(ParameterDefinition parameter) => (string?)Get(parameter, ParameterType.Text);

    public string GetRequiredString(ParameterDefinition parameter) =>
        GetString(parameter) ?? throw new InvalidOperationException($"Required parameter '{parameter.Name}' was not validated.");

    public long? GetInteger(ParameterDefinition parameter) => (long?)Get(parameter, ParameterType.Numeric);

    public bool? GetBoolean(ParameterDefinition parameter) => (bool?)Get(parameter, ParameterType.Boolean);

    private object? Get(ParameterDefinition parameter, ParameterType type)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.Type != type)
        {
            throw new InvalidOperationException($"Parameter '{parameter.Name}' is {parameter.Type}, not {type}.");
        }

        return _values.GetValueOrDefault(parameter.Name);
    }
}
