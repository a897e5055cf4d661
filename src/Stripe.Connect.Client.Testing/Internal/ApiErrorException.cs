using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Thrown inside the fake to end a request with a Stripe-shaped error body. It never leaves the handler.
/// </summary>
internal sealed class ApiErrorException : Exception
{
    public ApiErrorException(int statusCode, string type, string? code, string? param, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Type = type;
        Code = code;
        Param = param;
    }

    public int StatusCode { get; }

    public string Type { get; }

    public string? Code { get; }

    public string? Param { get; }

    public JsonObject ToBody()
    {
        var error = new JsonObject { ["type"] = Type };
        if (Code is not null)
        {
            error["code"] = Code;
            error["doc_url"] = "https://stripe.com/docs/error-codes/" + Code.Replace('_', '-');
        }

        error["message"] = Message;
        if (Param is not null)
        {
            error["param"] = Param;
        }

        return new JsonObject { ["error"] = error };
    }

    public static ApiErrorException Invalid(string? param, string message, string? code = null) =>
        new(400, "invalid_request_error", code, param, message);

    public static ApiErrorException Missing(string param) =>
        new(400, "invalid_request_error", "parameter_missing", param, $"Missing required param: {param}.");

    public static ApiErrorException NoSuch(string param, string kind, string id) =>
        Rules.RuleTable.ResourceMissing.Fail(param, $"No such {kind}: '{id}'");

    /// <summary>The OAuth error body, <c>{error, error_description}</c>: OAuth rules carry their error value as the type.</summary>
    public JsonObject ToOAuthBody()
    {
        var error = Type.Contains("_error", StringComparison.Ordinal)
            ? StatusCode == 401 ? "invalid_client" : Param == "grant_type" ? "unsupported_grant_type" : "invalid_request"
            : Type;
        return new JsonObject { ["error"] = error, ["error_description"] = Message };
    }
}
