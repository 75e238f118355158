using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WebexConnector.Security;

namespace WebexConnector.Actions;

/// <summary>
/// Reads one parameter entry as SOAR sends it (numbers and booleans may come as strings, <c>""</c> is unset)
/// against an action's <see cref="ParameterDefinition"/>s. A value that breaks its rule gives a message naming
/// the parameter, and the action is not run.
/// </summary>
internal static partial class ParameterValidator
{
    /// <summary>Bound for string parameters without their own limit; Webex ids and e-mails are far shorter.</summary>
    public const int DefaultMaxUtf8Bytes = 2048;

    public static ParameterValidation Validate(ActionDefinition action, JsonElement? entry)
    {
        var echo = new JsonObject();
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var errors = new List<string>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in action.Parameters)
        {
            var (given, key, raw) = Find(parameter, entry);
            if (given)
            {
                // Echoed under the name the caller used, so a playbook's action_result.parameter path resolves.
                echo[key] = parameter.IsSecret ? SecretRedactor.Mask : JsonNode.Parse(raw.GetRawText());
            }

            if (given && Find(parameter, entry, skip: key).Given)
            {
                errors.Add($"Give parameter '{parameter.Name}' once, not also as '{string.Join("' or '", parameter.Aliases)}'.");
                continue;
            }

            if (!given || raw.ValueKind == JsonValueKind.Null || (raw.ValueKind == JsonValueKind.String && raw.GetString()!.Length == 0))
            {
                if (parameter.Required)
                {
                    errors.Add($"Missing required parameter '{parameter.Name}'.");
                }

                continue;
            }

            present.Add(parameter.Name);
            var (value, error) = Read(parameter, raw);
            if (error is not null)
            {
                errors.Add(error);
            }
            else
            {
                values[parameter.Name] = value!;
            }
        }

        foreach (var choice in action.Choices)
        {
            var given = choice.Names.Count(present.Contains);
            if (given > 1 || (given == 0 && choice.Required))
            {
                errors.Add($"Give {choice.Describe()} ({given} given).");
            }
        }

        return new ParameterValidation(echo, errors.Count == 0 ? new ActionParameters(values) : null, string.Join(" ", errors));
    }

    /// <summary>The parameter under its name or one of its aliases (other than <paramref name="skip"/>).</summary>
    private static (bool Given, string Key, JsonElement Raw) Find(ParameterDefinition parameter, JsonElement? entry, string? skip = null)
    {
        if (entry is { ValueKind: JsonValueKind.Object } e)
        {
            foreach (var name in parameter.Names)
            {
                if (name != skip && e.TryGetProperty(name, out var raw))
                {
                    return (true, name, raw);
                }
            }
        }

        return (false, parameter.Name, default);
    }

    /// <summary>The values given for an action's secret parameters, to register with the redactor before anything runs.</summary>
    public static IEnumerable<string> SecretValues(ActionDefinition action, JsonElement? entry)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (entry is not { ValueKind: JsonValueKind.Object } e)
        {
            yield break;
        }

        foreach (var parameter in action.Parameters.Where(p => p.IsSecret))
        {
            if (Find(parameter, e) is (true, _, { ValueKind: JsonValueKind.String } raw) && raw.GetString() is { Length: > 0 } value)
            {
                yield return value;
            }
        }
    }

    private static (object? Value, string? Error) Read(ParameterDefinition parameter, JsonElement raw) => parameter.Type switch
    {
        ParameterType.Numeric => ReadInteger(parameter, raw),
        ParameterType.Boolean => ReadBoolean(parameter, raw),
        _ => ReadString(parameter, raw),
    };

    private static (object?, string?) ReadInteger(ParameterDefinition parameter, JsonElement raw)
    {
        // SOAR sends numbers as it likes: 100, 100.0, "100", "1e3". Any form of a whole number is one.
        var value = 0m;
        var ok = (raw.ValueKind == JsonValueKind.Number
                ? raw.TryGetDecimal(out value)
                : raw.ValueKind == JsonValueKind.String
                    && decimal.TryParse(raw.GetString()!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            && value == decimal.Truncate(value)
            && value is >= long.MinValue and <= long.MaxValue;
        var number = ok ? (long)value : 0;
        if (!ok || number < (parameter.Minimum ?? long.MinValue))
        {
            var kind = parameter.Minimum == 1 ? "a positive whole number" : "a whole number";
            return (null, $"Parameter '{parameter.Name}' must be {kind}; got {Describe(raw)}.");
        }

        if (number > (parameter.Maximum ?? long.MaxValue))
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"Parameter '{parameter.Name}' must be at most {parameter.Maximum:N0}; got {number}."));
        }

        return (number, null);
    }

    private static (object?, string?) ReadBoolean(ParameterDefinition parameter, JsonElement raw) => raw.ValueKind switch
    {
        JsonValueKind.True => (true, null),
        JsonValueKind.False => (false, null),
        JsonValueKind.String when bool.TryParse(raw.GetString()!.Trim(), out var flag) => (flag, null),
        _ => (null, $"Parameter '{parameter.Name}' must be true or false; got {Describe(raw)}."),
    };

    private static (object?, string?) ReadString(ParameterDefinition parameter, JsonElement raw)
    {
        // SOAR sends every value as a string, but a run document written by hand may hold a card as an object.
        var jsonObject = parameter.Format == ParameterFormat.JsonObject && raw.ValueKind == JsonValueKind.Object;
        if (raw.ValueKind != JsonValueKind.String && !jsonObject)
        {
            var expected = parameter.Format == ParameterFormat.JsonObject ? "a JSON object (or a string holding one)" : "a string";
            return (null, $"Parameter '{parameter.Name}' must be {expected}; got {Describe(raw)}.");
        }

        var text = jsonObject ? raw.GetRawText() : raw.GetString()!;
        var bytes = Encoding.UTF8.GetByteCount(text);
        var maxBytes = parameter.MaxUtf8Bytes ?? DefaultMaxUtf8Bytes;
        if (bytes > maxBytes)
        {
            return (null, $"Parameter '{parameter.Name}' is {bytes} bytes long in UTF-8; at most {maxBytes} are allowed.");
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            return (null, $"Parameter '{parameter.Name}' contains control characters.");
        }

        if (parameter.AllowedValues is { } allowed)
        {
            var match = allowed.FirstOrDefault(a => a.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
            return match is null
                ? (null, $"Parameter '{parameter.Name}' must be one of {string.Join(", ", allowed)}; got '{TextSanitizer.Echo(text)}'.")
                : (match, null);
        }

        return FormatError(parameter, text) is { } error ? (null, error) : (text, null);
    }

    private static string? FormatError(ParameterDefinition parameter, string text) => parameter.Format switch
    {
        ParameterFormat.EmailAddress when !IsEmailAddress(text) =>
            $"Parameter '{parameter.Name}' must be an e-mail address; got '{TextSanitizer.Excerpt(text, 80)}'.",
        ParameterFormat.Timestamp when !IsTimestamp(text) =>
            $"Parameter '{parameter.Name}' must be an ISO 8601 date and time with an offset, e.g. 2026-01-31T08:00:00Z; got '{TextSanitizer.Excerpt(text, 80)}'.",
        ParameterFormat.JsonObject when JsonObjectError(text) is { } reason =>
            $"Parameter '{parameter.Name}' must be a JSON object; {reason}",
        ParameterFormat.HttpUrl when !IsHttpUrl(text) =>
            $"Parameter '{parameter.Name}' must be an absolute http or https URL; got '{TextSanitizer.Excerpt(text, 80)}'.",
        ParameterFormat.PathSegment when text is "." or ".." =>
            $"Parameter '{parameter.Name}' must be a Webex id; got '{text}', which in a URL path would name another resource.",
        _ => null,
    };

    internal static bool IsTimestamp(string text) =>
        TimestampPattern().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && !text.Any(char.IsWhiteSpace);

    private static string? JsonObjectError(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : $"got {Describe(document.RootElement)}.";
        }
        catch (JsonException e)
        {
            return $"it is not valid JSON: {TextSanitizer.Excerpt(e.Message, 120)}";
        }
    }

    // Date, time and an explicit offset: a time without one would be read in the machine's zone.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    internal static bool IsEmailAddress(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0;

    private static string Describe(JsonElement raw) => raw.ValueKind switch
    {
        JsonValueKind.String => $"'{TextSanitizer.Excerpt(raw.GetString()!, 40)}'",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.Number => $"the number {TextSanitizer.Excerpt(raw.GetRawText(), 40)}",
        _ => raw.GetRawText(),
    };
}

/// <summary>The outcome of <see cref="ParameterValidator.Validate"/>: the echo of what was given, and either values or an error.</summary>
internal sealed record ParameterValidation(JsonObject Echo, ActionParameters? Values, string Error);
