using System.Net;
using WebexConnector.Webex;

namespace WebexConnector.Tests.Webex;

public class LinkHeaderTests
{
    private const string Next = "https://webexapis.com/v1/rooms?cursor=Y3Vyc29yMg&max=1000";

    [TestCase("<" + Next + ">; rel=\"next\"", TestName = "FindNext_QuotedRelNext_ReturnsTarget")]
    [TestCase("<" + Next + ">; rel=next", TestName = "FindNext_UnquotedRelNext_ReturnsTarget")]
    [TestCase("  < " + Next + " >  ;   rel =  \"next\"  ", TestName = "FindNext_OddSpacing_ReturnsTrimmedTarget")]
    [TestCase("<" + Next + ">;rel=\"next\"", TestName = "FindNext_NoSpaceAfterSemicolon_ReturnsTarget")]
    [TestCase("<" + Next + ">; REL=\"NEXT\"", TestName = "FindNext_UpperCaseRel_ReturnsTarget")]
    [TestCase("<" + Next + ">; rel=\"next last\"", TestName = "FindNext_SeveralRelationsIncludingNext_ReturnsTarget")]
    [TestCase("<" + Next + ">; title=\"page 2\"; rel=\"next\"", TestName = "FindNext_RelAfterOtherParameter_ReturnsTarget")]
    [TestCase("<https://webexapis.com/v1/rooms?cursor=a>; rel=\"prev\", <" + Next + ">; rel=\"next\"", TestName = "FindNext_PrevThenNextInOneHeader_ReturnsNextTarget")]
    [TestCase("<" + Next + ">; rel=\"next\", <https://webexapis.com/v1/rooms?cursor=z>; rel=\"last\"", TestName = "FindNext_NextThenLastInOneHeader_ReturnsNextTarget")]
    public void FindNext_HeaderWithNextLink_ReturnsTarget(string header)
    {
        Assert.That(LinkHeader.FindNext(header), Is.EqualTo(Next));
    }

    [TestCase("<https://webexapis.com/v1/rooms?cursor=a>; rel=\"prev\"", TestName = "FindNext_OnlyPrev_ReturnsNull")]
    [TestCase("<https://webexapis.com/v1/rooms?cursor=a>; rel=\"first\", <https://webexapis.com/v1/rooms?cursor=z>; rel=\"last\"", TestName = "FindNext_FirstAndLast_ReturnsNull")]
    [TestCase("<https://webexapis.com/v1/rooms?cursor=a>; rel=\"nextpage\"", TestName = "FindNext_RelThatOnlyStartsWithNext_ReturnsNull")]
    [TestCase("<https://webexapis.com/v1/rooms?cursor=a>", TestName = "FindNext_NoRel_ReturnsNull")]
    [TestCase("", TestName = "FindNext_EmptyHeader_ReturnsNull")]
    [TestCase("<https://webexapis.com/v1/rooms?cursor=a; rel=\"next\"", TestName = "FindNext_MalformedWithoutClosingBracket_ReturnsNull")]
    [TestCase("https://webexapis.com/v1/rooms?cursor=a; rel=\"next\"", TestName = "FindNext_MalformedWithoutBrackets_ReturnsNull")]
    [TestCase("<>; rel=\"next\"", TestName = "FindNext_EmptyTarget_ReturnsNull")]
    public void FindNext_HeaderWithoutUsableNextLink_ReturnsNull(string header)
    {
        Assert.That(LinkHeader.FindNext(header), Is.Null);
    }

    [Test]
    public void FindNext_SeveralLinkHeaders_ReturnsNextFromWhicheverHeaderHasIt()
    {
        using var response = Response("https://webexapis.com/v1/rooms?max=1000",
            "<https://webexapis.com/v1/rooms?cursor=first>; rel=\"first\"",
            "<" + Next + ">; rel=\"next\"");

        Assert.That(LinkHeader.FindNext(response), Is.EqualTo(new Uri(Next)));
    }

    [Test]
    public void FindNext_RelativeTarget_IsResolvedAgainstRequestUri()
    {
        using var response = Response("https://webexapis.com/v1/rooms?max=1000", "</v1/rooms?cursor=abc&max=1000>; rel=\"next\"");

        Assert.That(LinkHeader.FindNext(response)?.AbsoluteUri, Is.EqualTo("https://webexapis.com/v1/rooms?cursor=abc&max=1000"));
    }

    [Test]
    public void FindNext_AbsoluteTarget_IsKeptExactlyAsGiven()
    {
        const string opaque = "https://webexapis.com/v1/rooms?max=1000&cursor=bGltaXQ9MTAwMA%3D%3D";
        using var response = Response("https://webexapis.com/v1/rooms?max=1000", "<" + opaque + ">; rel=\"next\"");

        Assert.That(LinkHeader.FindNext(response)?.AbsoluteUri, Is.EqualTo(opaque));
    }

    [Test]
    public void FindNext_ResponseWithoutLinkHeader_ReturnsNull()
    {
        using var response = Response("https://webexapis.com/v1/rooms?max=1000");

        Assert.That(LinkHeader.FindNext(response), Is.Null);
    }

    [Test]
    public void FindNext_ResponseWithMalformedLinkHeader_ReturnsNull()
    {
        using var response = Response("https://webexapis.com/v1/rooms?max=1000", "<https://webexapis.com/v1/rooms?cursor=a; rel=\"next\"");

        Assert.That(LinkHeader.FindNext(response), Is.Null);
    }

    private static HttpResponseMessage Response(string requestUri, params string[] linkHeaders)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, requestUri) };
        foreach (var header in linkHeaders)
        {
            response.Headers.TryAddWithoutValidation("Link", header);
        }

        return response;
    }
}
