namespace WebexConnector.Configuration;

/// <summary>What an asset config's keys that are not asset settings mean.</summary>
internal enum UnknownKeyPolicy
{
    /// <summary>Every unknown key is an error (an operator's asset file: nobody else writes into it).</summary>
    Refuse,

    /// <summary>
    /// Unknown keys are ignored (a platform's run document: Splunk SOAR adds <c>appname</c>, <c>directory</c>,
    /// <c>main_module</c>, … beside the asset's fields), except a key within two edits of a setting, which is a typo.
    /// </summary>
    IgnoreAllButTypos,
}
