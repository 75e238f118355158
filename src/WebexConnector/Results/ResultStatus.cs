namespace WebexConnector.Results;

/// <summary>The two values of every <c>status</c> key.</summary>
public static class ResultStatus
{
    public const string Success = "success";
    public const string Failed = "failed";
}
