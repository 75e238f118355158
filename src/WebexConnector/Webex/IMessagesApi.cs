using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex messages: <c>/messages</c>.</summary>
public interface IMessagesApi
{
    /// <summary>Not idempotent: a retry after a 5xx or a timeout may post the message twice.</summary>
    [Post("/messages")]
    Task<HttpResponseMessage> CreateMessageAsync([Body] CreateMessageRequest message, CancellationToken cancellationToken);
}
