using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// The v2 error shape: <c>{"error": {type, code, message, param}}</c> (spec/README "v2 Core": a v2 error's <c>type</c> is one
/// of the v2 types, or absent with <c>code: invalid_fields</c> for bad input; other failures keep their v1 type and are told
/// apart by status, as stripe-node maps them).
/// </summary>
internal static class V2Error
{
    /// <summary>Bad input: 400 with <c>code: invalid_fields</c> and no <c>type</c>, naming the field in <c>param</c>.</summary>
    public static ApiErrorException Invalid(string? param, string message) => new(400, string.Empty, "invalid_fields", param, message);

    public static ApiErrorException NotFound(string kind, string id) => new(404, "invalid_request_error", "resource_missing", "id", $"No such {kind}: '{id}'");

    public static JsonObject Body(ApiErrorException e)
    {
        var error = new JsonObject();
        if (e.Type.Length > 0)
        {
            error["type"] = e.Type;
        }

        if (e.Code is not null)
        {
            error["code"] = e.Code;
        }

        error["message"] = e.Message;
        if (e.Param is not null)
        {
            error["param"] = e.Param;
        }

        return new JsonObject { ["error"] = error };
    }
}
