using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>One operation of the API description: its route and the schema its parameters must match.</summary>
internal sealed class ApiOperation
{
    public ApiOperation(string operationId, string method, string pathTemplate, JsonObject parameterSchema, JsonObject? responseSchema = null)
    {
        ResponseSchema = responseSchema;
        OperationId = operationId;
        Method = method;
        PathTemplate = pathTemplate;
        ParameterSchema = parameterSchema;
        Segments = pathTemplate.Split('/', StringSplitOptions.RemoveEmptyEntries);
        LiteralCount = Segments.Count(s => !s.StartsWith('{'));
    }

    public string OperationId { get; }

    public string Method { get; }

    public string PathTemplate { get; }

    /// <summary>An object schema: the form body for POST, the query parameters for GET and DELETE.</summary>
    public JsonObject ParameterSchema { get; }

    /// <summary>The schema of the 200 response, used to check <c>expand</c> paths before the operation runs.</summary>
    public JsonObject? ResponseSchema { get; }

    /// <summary>True for the OAuth operations on connect.stripe.com, which answer errors in the OAuth shape.</summary>
    public bool IsOAuth => PathTemplate.StartsWith("/oauth/", StringComparison.Ordinal);

    public string[] Segments { get; }

    public int LiteralCount { get; }

    public bool TryMatch(string[] pathSegments, out Dictionary<string, string> pathParams)
    {
        pathParams = [];
        if (pathSegments.Length != Segments.Length)
        {
            return false;
        }

        for (var i = 0; i < Segments.Length; i++)
        {
            var template = Segments[i];
            if (template.StartsWith('{'))
            {
                pathParams[template[1..^1]] = Uri.UnescapeDataString(pathSegments[i]);
            }
            else if (!string.Equals(template, pathSegments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
