namespace WebexConnector.Actions;

/// <summary>A parameter's type, as the SOAR manifest's <c>data_type</c> names it.</summary>
internal enum ParameterType
{
    /// <summary><c>string</c>: only a JSON string is accepted.</summary>
    Text,

    /// <summary><c>numeric</c>: a whole JSON number, or a string holding one (SOAR may send <c>"5"</c>).</summary>
    Numeric,

    /// <summary><c>boolean</c>: <c>true</c>/<c>false</c>, or a string holding one (SOAR may send <c>"true"</c>).</summary>
    Boolean,
}
