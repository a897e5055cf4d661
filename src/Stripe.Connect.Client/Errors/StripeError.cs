using System.Text.Json.Serialization;

namespace Stripe.Connect.Client;

/// <summary>The error object Stripe returns with a failed request (the <c>error</c> member of the body).</summary>
public sealed record StripeError
{
    /// <summary>The kind of error: <c>api_error</c>, <c>card_error</c>, <c>idempotency_error</c> or <c>invalid_request_error</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>A short machine-readable code, such as <c>resource_missing</c> or <c>lock_timeout</c>.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>For card errors, the issuer's reason for the decline.</summary>
    [JsonPropertyName("decline_code")]
    public string? DeclineCode { get; init; }

    /// <summary>The request parameter the error is about, such as <c>refresh_url</c>.</summary>
    [JsonPropertyName("param")]
    public string? Param { get; init; }

    /// <summary>A message meant for the developer.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>A link to documentation about the error code.</summary>
    [JsonPropertyName("doc_url")]
    public string? DocUrl { get; init; }

    /// <summary>A link to the request in the Stripe dashboard's logs.</summary>
    [JsonPropertyName("request_log_url")]
    public string? RequestLogUrl { get; init; }

    /// <summary>v2: a message meant for the end user (the account holder), when Stripe gives one; <see langword="null"/> otherwise.</summary>
    [JsonPropertyName("user_message")]
    public string? UserMessage { get; init; }

    /// <summary>v2 <c>cannot_proceed</c>: why the operation cannot go ahead.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>v2 <c>invalid_payment_method</c> and <c>invalid_vaulted_credential</c>: which detail was refused.</summary>
    [JsonPropertyName("invalid_param")]
    public string? InvalidParam { get; init; }

    /// <summary>v2 <c>verification_*</c> errors: the state of the verification.</summary>
    [JsonPropertyName("verification_status")]
    public string? VerificationStatus { get; init; }
}
