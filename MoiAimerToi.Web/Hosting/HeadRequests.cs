namespace MoiAimerToi.Web.Hosting;

public static class HeadRequests
{
    /// <summary>Every endpoint of the builder that answers GET answers HEAD too (the server sends the headers alone).</summary>
    public static TBuilder AnswerHeadLikeGet<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault();
            if (methods is { HttpMethods: var verbs } && verbs.Contains(HttpMethods.Get) && !verbs.Contains(HttpMethods.Head))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. verbs, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }
}
