using System.Net;
using System.Text;
using System.Text.Json;
using WebexConnector.Security;
using WebexConnector.Webex;

namespace WebexConnector.Tests.Webex;

public class WebexResponsesTests
{
    private const string SendingMessage = "Error sending message";

    private const string ProxyHtml = """
        <!DOCTYPE html>
        <html>
        <head><title>502 Bad Gateway</title></head>
        <body>
        	<center><h1>502 Bad Gateway</h1></center>
        	<hr><center>nginx</center>
        """;

    [Test]
    public async Task EnsureSuccess_WebexJsonError_GivesExactContractMessage()
    {
        using var response = Response(HttpStatusCode.NotFound, Fixture.Text(Fixture.Error404), "application/json");

        var failure = await FailureAsync(response);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(failure.Details, Is.EqualTo("The requested resource could not be found."));
            Assert.That(failure.TrackingId, Is.EqualTo("ROUTER_ABC"));
            Assert.That(WebexFailureMessage.For(SendingMessage, failure),
                Is.EqualTo("Error sending message. Status code: 404. Details: The requested resource could not be found. Tracking ID: ROUTER_ABC"));
        }
    }

    [Test]
    public async Task EnsureSuccess_TrackingIdOnlyInHeader_UsesHeaderTrackingId()
    {
        using var response = Response(HttpStatusCode.Forbidden, Fixture.Text(Fixture.Error403NoTrackingId), "application/json");
        response.Headers.TryAddWithoutValidation("Trackingid", "ROUTER_FROM_HEADER_42");

        var failure = await FailureAsync(response);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.TrackingId, Is.EqualTo("ROUTER_FROM_HEADER_42"));
            Assert.That(WebexFailureMessage.For("Error listing rooms", failure),
                Is.EqualTo("Error listing rooms. Status code: 403. Details: Insufficient privileges to access the resource. Tracking ID: ROUTER_FROM_HEADER_42"));
        }
    }

    [Test]
    public async Task EnsureSuccess_TrackingIdInBodyAndHeader_PrefersBody()
    {
        using var response = Response(HttpStatusCode.NotFound, Fixture.Text(Fixture.Error404), "application/json");
        response.Headers.TryAddWithoutValidation("Trackingid", "ROUTER_HEADER");

        var failure = await FailureAsync(response);

        Assert.That(failure.TrackingId, Is.EqualTo("ROUTER_ABC"));
    }

    [Test]
    public async Task EnsureSuccess_NoTrackingIdAnywhere_MessageHasNoTrackingIdPart()
    {
        using var response = Response(HttpStatusCode.Forbidden, Fixture.Text(Fixture.Error403NoTrackingId), "application/json");

        var failure = await FailureAsync(response);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.TrackingId, Is.Null);
            Assert.That(WebexFailureMessage.For("Error getting user", failure),
                Is.EqualTo("Error getting user. Status code: 403. Details: Insufficient privileges to access the resource."));
        }
    }

    [Test]
    public async Task EnsureSuccess_EmptyMessageButErrorDescription_UsesDescription()
    {
        using var response = Response(HttpStatusCode.BadRequest, Fixture.Text(Fixture.Error400DescriptionOnly), "application/json");

        var failure = await FailureAsync(response);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Details, Is.EqualTo("Unable to post message to room: \"toPersonEmail\" must be a valid email"));
            Assert.That(failure.TrackingId, Is.EqualTo("ROUTER_DESC_ONLY"));
            Assert.That(WebexFailureMessage.For(SendingMessage, failure), Does.StartWith(
                "Error sending message. Status code: 400. Details: Unable to post message to room: \"toPersonEmail\" must be a valid email"));
            Assert.That(WebexFailureMessage.For(SendingMessage, failure), Does.EndWith("Tracking ID: ROUTER_DESC_ONLY"));
        }
    }

    [Test]
    public async Task EnsureSuccess_GenericMessageAndSpecificDescription_ShowsBoth()
    {
        const string body = """{"message": "The request could not be understood by the server due to malformed syntax.", "errors": [{"description": "Client Id is invalid"}], "trackingId": "ROUTER_BOTH"}""";
        using var response = Response(HttpStatusCode.BadRequest, body, "application/json");

        var failure = await FailureAsync(response);

        Assert.That(failure.Details, Is.EqualTo("The request could not be understood by the server due to malformed syntax (Client Id is invalid)."));
    }

    [Test]
    public async Task EnsureSuccess_ErrorTextWithNewlines_IsSanitised()
    {
        const string body = """{"message":"line one\nline two\r\n\u0007bell","trackingId":"ROUTER_X\nInjected: yes"}""";
        using var response = Response(HttpStatusCode.BadRequest, body, "application/json");

        var message = WebexFailureMessage.For(SendingMessage, await FailureAsync(response));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Any(char.IsControl), Is.False, message);
            Assert.That(message, Does.Contain("line one line two bell"));
        }
    }

    [Test]
    public async Task EnsureSuccess_HtmlProxyPage_GivesStatusAndShortSanitisedExcerpt()
    {
        var html = ProxyHtml + string.Concat(Enumerable.Repeat("<p>filler line of a large proxy page</p>\n", 2000)) + "</body></html>";
        using var response = Response(HttpStatusCode.BadGateway, html, "text/html");

        var failure = await FailureAsync(response);
        var message = WebexFailureMessage.For("Error listing rooms", failure);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(message, Does.StartWith("Error listing rooms. Status code: 502. Details: "));
            Assert.That(message, Does.Contain("502 Bad Gateway"));
            Assert.That(message.Any(char.IsControl), Is.False, "no newlines or other control characters");
            Assert.That(failure.Details, Has.Length.LessThanOrEqualTo(TextSanitizer.MaxExcerptLength + 1));
            Assert.That(message, Has.Length.LessThan(400));
        }
    }

    [Test]
    public async Task EnsureSuccess_EmptyBody_GivesStatusAndSaysBodyWasEmpty()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new ByteArrayContent([]) };
        response.Headers.TryAddWithoutValidation("Trackingid", "ROUTER_EMPTY");

        var message = WebexFailureMessage.For("Error listing rooms", await FailureAsync(response));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.StartWith("Error listing rooms. Status code: 503. Details: "));
            Assert.That(message, Does.Contain("empty"));
            Assert.That(message, Does.EndWith("Tracking ID: ROUTER_EMPTY"));
        }
    }

    [Test]
    public async Task EnsureSuccess_JsonErrorOfUnexpectedShape_FallsBackToExcerpt()
    {
        using var response = Response(HttpStatusCode.InternalServerError, """{"message": 42, "errors": "nope"}""", "application/json");

        var failure = await FailureAsync(response);

        Assert.That(failure.Details, Does.Contain("42").And.Contain("nope"));
    }

    [Test]
    public void EnsureSuccess_SuccessStatus_DoesNotThrow()
    {
        using var response = Response(HttpStatusCode.OK, "{}", "application/json");

        Assert.That(() => WebexResponses.EnsureSuccessAsync(response, CancellationToken.None), Throws.Nothing);
    }

    [Test]
    public async Task ReadItems_RoomListPage_ReturnsItemsUnchanged()
    {
        var page = Fixture.Text(Fixture.RoomsPage1);
        using var response = Response(HttpStatusCode.OK, page, "application/json");

        var items = await WebexResponses.ReadItemsAsync(response, CancellationToken.None);
        var expected = Fixture.Items(Fixture.RoomsPage1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(items, Has.Count.EqualTo(2));
            Assert.That(items.Select(i => i.GetRawText()), Is.EqualTo(expected.Select(e => e.GetRawText())));
        }
    }

    [Test]
    public void ReadItems_SuccessBodyNotJson_ThrowsWebexApiException()
    {
        using var response = Response(HttpStatusCode.OK, "<html>Welcome to the captive portal</html>", "text/html");

        Assert.That(() => WebexResponses.ReadItemsAsync(response, CancellationToken.None),
            Throws.TypeOf<WebexApiException>().With.Message.Contains("not valid JSON"));
    }

    [Test]
    public void ReadItems_PageWithoutItems_ThrowsWebexApiException()
    {
        using var response = Response(HttpStatusCode.OK, """{"notFoundIds": null}""", "application/json");

        Assert.That(() => WebexResponses.ReadItemsAsync(response, CancellationToken.None),
            Throws.TypeOf<WebexApiException>().With.Message.Contains("items"));
    }

    [Test]
    public void ReadItems_ErrorStatus_ThrowsWithWebexMessage()
    {
        using var response = Response(HttpStatusCode.Unauthorized, Fixture.Text(Fixture.Error401), "application/json");

        Assert.That(() => WebexResponses.ReadItemsAsync(response, CancellationToken.None),
            Throws.TypeOf<WebexApiException>()
                .With.Property(nameof(WebexApiException.StatusCode)).EqualTo(HttpStatusCode.Unauthorized)
                .And.Property(nameof(WebexApiException.TrackingId)).EqualTo("ROUTER_62F66055-8D70-01BB-0137-AC10A8310137"));
    }

    [Test]
    public async Task ReadObject_CreatedMessage_ReturnsObjectUnchanged()
    {
        var body = Fixture.Text(Fixture.MessageCreated);
        using var response = Response(HttpStatusCode.OK, body, "application/json");

        var message = await WebexResponses.ReadObjectAsync(response, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.ValueKind, Is.EqualTo(JsonValueKind.Object));
            Assert.That(message.GetRawText(), Is.EqualTo(Fixture.Json(Fixture.MessageCreated).GetRawText()));
        }
    }

    [Test]
    public void ReadObject_SuccessBodyNotJson_ThrowsWebexApiException()
    {
        using var response = Response(HttpStatusCode.OK, "OK", "text/plain");

        Assert.That(() => WebexResponses.ReadObjectAsync(response, CancellationToken.None), Throws.TypeOf<WebexApiException>());
    }

    [Test]
    public void ReadObject_JsonArrayInsteadOfObject_ThrowsWebexApiException()
    {
        using var response = Response(HttpStatusCode.OK, "[1, 2]", "application/json");

        Assert.That(() => WebexResponses.ReadObjectAsync(response, CancellationToken.None), Throws.TypeOf<WebexApiException>());
    }

    [Test]
    public void For_HttpRequestException_SaysWebexCouldNotBeReached()
    {
        var message = WebexFailureMessage.For("Error listing rooms", new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (webexapis.com:443)"));

        Assert.That(message, Is.EqualTo("Error listing rooms. Could not connect to Webex (Connection refused (webexapis.com:443))."));
    }

    [Test]
    public void For_TaskCanceledException_SaysWebexDidNotAnswerInTime()
    {
        var message = WebexFailureMessage.For("Error listing rooms", new TaskCanceledException("The operation was canceled."));

        Assert.That(message, Is.EqualTo("Error listing rooms. Webex did not answer in time."));
    }

    [Test]
    public void For_HttpClientTimeout_SaysWebexDidNotAnswerInTime()
    {
        // What HttpClient throws when its Timeout elapses.
        var timeout = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.",
            new TimeoutException("The operation was canceled."));

        Assert.That(WebexFailureMessage.For("Error getting user", timeout), Is.EqualTo("Error getting user. Webex did not answer in time."));
    }

    [Test]
    public void For_ExceptionWrappingWebexApiException_UsesWebexDetails()
    {
        var wrapped = new InvalidOperationException("wrapper", new WebexApiException(HttpStatusCode.NotFound, "The requested resource could not be found.", "ROUTER_ABC"));

        Assert.That(WebexFailureMessage.For(SendingMessage, wrapped),
            Is.EqualTo("Error sending message. Status code: 404. Details: The requested resource could not be found. Tracking ID: ROUTER_ABC"));
    }

    [Test]
    public void For_DetailsWithoutFinalPunctuation_AddsFullStopBeforeTrackingId()
    {
        var message = WebexFailureMessage.For(SendingMessage, new WebexApiException(HttpStatusCode.BadRequest, "roomId is invalid", "ROUTER_Q"));

        Assert.That(message, Is.EqualTo("Error sending message. Status code: 400. Details: roomId is invalid. Tracking ID: ROUTER_Q"));
    }

    private static HttpResponseMessage Response(HttpStatusCode status, string body, string mediaType) =>
        new(status)
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://webexapis.com/v1/rooms"),
        };

    private static async Task<WebexApiException> FailureAsync(HttpResponseMessage response)
    {
        try
        {
            await WebexResponses.EnsureSuccessAsync(response, CancellationToken.None);
        }
        catch (WebexApiException e)
        {
            return e;
        }

        Assert.Fail($"EnsureSuccessAsync did not throw for HTTP {(int)response.StatusCode}.");
        throw new InvalidOperationException("unreachable");
    }
}
