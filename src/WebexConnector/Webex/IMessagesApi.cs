using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex messages: <c>/messages</c> and <c>/messages/{messageId}</c>.</summary>
internal interface IMessagesApi
{
    /// <summary>The client Refit built this API on; used to follow opaque <c>Link</c> URLs.</summary>
    HttpClient Client { get; }

    /// <summary>Not idempotent: a retry after a 5xx or a timeout may post the message twice.</summary>
    [Post("/messages")]
    Task<HttpResponseMessage> CreateMessageAsync([Body] CreateMessageRequest message, CancellationToken cancellationToken);

    /// <summary>A message with one uploaded file, as <c>multipart/form-data</c>; not idempotent either.</summary>
    [Post("/messages")]
    Task<HttpResponseMessage> CreateMessageWithFileAsync([Body] MultipartFormDataContent form, CancellationToken cancellationToken);

    /// <summary>The messages of one room, newest first.</summary>
    [Get("/messages")]
    Task<HttpResponseMessage> ListMessagesAsync(
        [AliasAs("roomId")] string roomId,
        [AliasAs("parentId")] string? parentId,
        [AliasAs("mentionedPeople")] string? mentionedPeople,
        [AliasAs("before")] string? before,
        [AliasAs("beforeMessage")] string? beforeMessage,
        [AliasAs("max")] int max,
        CancellationToken cancellationToken);

    [Get("/messages/{messageId}")]
    Task<HttpResponseMessage> GetMessageDetailsAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Answers 204. Not retried after a 5xx or a timeout: Webex may have deleted the message already.</summary>
    [Delete("/messages/{messageId}")]
    Task<HttpResponseMessage> DeleteMessageAsync(string messageId, CancellationToken cancellationToken);
}
