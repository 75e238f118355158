using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>How the fake answers one poll of <c>POST /v1/device/token</c> before the person decides.</summary>
public enum DevicePollAnswer
{
    /// <summary>400 <c>{"error":"authorization_pending"}</c> (RFC 8628 style).</summary>
    Pending400,

    /// <summary>428 <c>{"message":"authorization_pending", "trackingId": …}</c> (Webex's documented status, code in the message).</summary>
    Pending428,

    /// <summary>400 <c>{"error":"slow_down"}</c>.</summary>
    SlowDown,

    /// <summary>400 <c>{"error":"expired_token"}</c>.</summary>
    Expired,
}

/// <summary>What the person does in the end, after the scripted answers.</summary>
public enum DeviceDecision
{
    /// <summary>Nothing: every further poll is pending.</summary>
    None,

    Approve,

    Deny,
}

/// <summary>
/// Webex's OAuth device grant on a <see cref="FakeWebexServer"/>: <c>POST /v1/device/authorize</c> (form
/// <c>client_id</c>, <c>scope</c>) hands out one device code (registered as a secret) and a user code;
/// <c>POST /v1/device/token</c> checks HTTP Basic <c>client_id:client_secret</c>, the grant type and the device code,
/// then serves <see cref="Script"/> in order and then the <see cref="Decision"/>. Approval issues a pair through the
/// <see cref="FakeTokenEndpoint"/>, so refreshing it later works as for the browser flow.
/// </summary>
public sealed class FakeDeviceEndpoint
{
    public const string AuthorizePath = "/v1/device/authorize";
    public const string TokenPath = "/v1/device/token";
    public const string UserCode = "482913";
    public const string VerificationUri = "https://oauth-helper-r.wbx2.com/verify";

    private readonly FakeTokenEndpoint _tokens;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly Action<string> _registerSecret;
    private readonly Lock _gate = new();
    private readonly Queue<DevicePollAnswer> _script = new();
    private string? _deviceCode;
    private bool _used;

    public FakeDeviceEndpoint(FakeWebexServer server, FakeTokenEndpoint tokens, string clientId, string clientSecret, Action<string> registerSecret)
    {
        ArgumentNullException.ThrowIfNull(server);
        _tokens = tokens;
        _clientId = clientId;
        _clientSecret = clientSecret;
        _registerSecret = registerSecret;
        server.Handle("POST", AuthorizePath, HandleAuthorize);
        server.Handle("POST", TokenPath, HandleToken);
    }

    /// <summary><c>interval</c> sent to the connector (small, so a test takes about a second per poll); <c>null</c> leaves it out.</summary>
    public int? IntervalSeconds { get; set; } = 1;

    /// <summary><c>expires_in</c> of the codes.</summary>
    public int ExpiresInSeconds { get; set; } = 30;

    public DeviceDecision Decision { get; set; } = DeviceDecision.Approve;

    /// <summary>The device code handed out (a secret), or null before <c>/device/authorize</c> was called.</summary>
    public string? DeviceCode
    {
        get
        {
            lock (_gate)
            {
                return _deviceCode;
            }
        }
    }

    /// <summary>The verification URL with the code in it, as Webex sends it.</summary>
    public static string VerificationUriComplete => VerificationUri + "?userCode=5f1d" + UserCode;

    /// <summary>Answers served, in order, to the polls before the <see cref="Decision"/>.</summary>
    public void Script(params DevicePollAnswer[] answers)
    {
        lock (_gate)
        {
            foreach (var answer in answers)
            {
                _script.Enqueue(answer);
            }
        }
    }

    private FakeResponse HandleAuthorize(RecordedRequest request)
    {
        var form = QueryHelpers.ParseQuery(request.Body);
        if (form["client_id"].ToString() != _clientId || string.IsNullOrEmpty(form["scope"].ToString()))
        {
            return Error(400, new JsonObject { ["message"] = "The request could not be understood by the server due to malformed syntax.", ["errors"] = new JsonArray(new JsonObject { ["description"] = "Client Id is invalid" }), ["trackingId"] = "ROUTER_DEVICE_AUTHORIZE" });
        }

        var code = $"DEVICECODE-e2e-{Guid.NewGuid():N}";
        _registerSecret(code);
        lock (_gate)
        {
            _deviceCode = code;
        }

        var body = new JsonObject
        {
            ["device_code"] = code,
            ["expires_in"] = ExpiresInSeconds,
            ["user_code"] = UserCode,
            ["verification_uri"] = VerificationUri,
            ["verification_uri_complete"] = VerificationUriComplete,
        };
        if (IntervalSeconds is { } interval)
        {
            body["interval"] = interval;
        }

        return new FakeResponse(200, body.ToJsonString());
    }

    private FakeResponse HandleToken(RecordedRequest request)
    {
        var form = QueryHelpers.ParseQuery(request.Body);
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_clientId}:{_clientSecret}"));
        if (request.Header("Authorization") != basic)
        {
            return Error(401, new JsonObject { ["error"] = "invalid_client", ["error_description"] = "Basic client authentication failed." });
        }

        if (form["grant_type"].ToString() != "urn:ietf:params:oauth:grant-type:device_code")
        {
            return Error(400, new JsonObject { ["error"] = "unsupported_grant_type" });
        }

        lock (_gate)
        {
            if (_deviceCode is null || form["device_code"].ToString() != _deviceCode || _used)
            {
                return Error(400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "Unknown or used device_code." });
            }

            if (_script.TryDequeue(out var scripted))
            {
                return scripted switch
                {
                    DevicePollAnswer.Pending428 => Error(428, new JsonObject { ["message"] = "authorization_pending", ["trackingId"] = "ROUTER_DEVICE_PENDING" }),
                    DevicePollAnswer.SlowDown => Error(400, new JsonObject { ["error"] = "slow_down" }),
                    DevicePollAnswer.Expired => Error(400, new JsonObject { ["error"] = "expired_token" }),
                    _ => Pending(),
                };
            }

            switch (Decision)
            {
                case DeviceDecision.Approve:
                    _used = true;
                    return _tokens.IssueForDeviceGrant();
                case DeviceDecision.Deny:
                    return Error(400, new JsonObject { ["error"] = "access_denied", ["error_description"] = "The user denied the request." });
                default:
                    return Pending();
            }
        }
    }

    private static FakeResponse Pending() => Error(400, new JsonObject { ["error"] = "authorization_pending" });

    private static FakeResponse Error(int status, JsonObject body) => new(status, body.ToJsonString(), "application/json;charset=UTF-8");
}
