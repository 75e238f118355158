namespace WebexConnector.Actions;

/// <summary>One parameter of an action and its rules; drives validation, the catalogue, the CLI options and the docs.</summary>
internal sealed record ParameterDefinition
{
    public required string Name { get; init; }

    /// <summary>
    /// Other names the parameter is read under, e.g. <c>is_markdown</c> (Splunk's SOAR app 3.x) for <c>markdown</c> (the
    /// contract's), so a playbook written for either works; the SOAR app manifest lists them too.
    /// </summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The name, then the aliases: every key a parameter entry may give it under.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Name);

    public required string Description { get; init; }

    public ParameterType Type { get; init; } = ParameterType.Text;

    public bool Required { get; init; }

    /// <summary>The only accepted values (compared ignoring case), when the parameter is an enumeration.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>Smallest accepted value of an <see cref="ParameterType.Numeric"/>.</summary>
    public long? Minimum { get; init; }

    /// <summary>Largest accepted value of an <see cref="ParameterType.Numeric"/>.</summary>
    public long? Maximum { get; init; }

    /// <summary>Largest accepted length of a string in UTF-8 bytes.</summary>
    public int? MaxUtf8Bytes { get; init; }

    /// <summary>What a text value must look like (an e-mail address, a timestamp, ...).</summary>
    public ParameterFormat Format { get; init; }

    /// <summary>
    /// A secret (e.g. a meeting password): its value is registered with the run's redactor before the action runs, the
    /// parameter echo shows <see cref="Security.SecretRedactor.Mask"/> instead, and SOAR gets <c>password</c> as its type.
    /// </summary>
    public bool IsSecret { get; init; }

    /// <summary>SOAR <c>contains</c> types (e.g. <c>email</c>), so playbooks can chain actions.</summary>
    public IReadOnlyList<string> Contains { get; init; } = [];

    /// <summary>
    /// The <c>limit</c> of a list action: a positive whole number up to the most a listing reads
    /// (<see cref="Webex.WebexPager.MaxItems"/>).
    /// </summary>
    /// <param name="description">e.g. <c>At most this many rooms (default: every room)</c>.</param>
    public static ParameterDefinition ListingLimit(string description) => new()
    {
        Name = "limit",
        Description = description,
        Type = ParameterType.Numeric,
        Minimum = 1,
        Maximum = Webex.WebexPager.MaxItems,
    };

    /// <summary>The operator-form option: <c>email_address</c> → <c>--email-address</c>.</summary>
    public string OptionName => "--" + Name.Replace('_', '-');

    /// <summary>The SOAR manifest <c>data_type</c>.</summary>
    public string DataType => IsSecret ? "password" : Type switch
    {
        ParameterType.Numeric => "numeric",
        ParameterType.Boolean => "boolean",
        _ => "string",
    };
}
