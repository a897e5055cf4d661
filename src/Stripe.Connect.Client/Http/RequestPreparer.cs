using Stripe.Connect.Client.Form;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// The first room of a call: checks the caller's per-call options, encodes the parameters (the body of a POST, the
/// query of a GET or DELETE), builds the URL and fixes every header value, the idempotency key included, into one
/// <see cref="PreparedRequest"/>. Nothing is sent here, so a bad argument fails before any byte leaves. One instance
/// per client, built from its validated options; immutable and thread-safe.
/// </summary>
internal sealed partial class RequestPreparer
{
    private readonly string _baseUrl;
    private readonly string _connectBaseUrl;
    private readonly string _authorization;
    private readonly string _apiVersion;
    private readonly string? _stripeAccount;
    private readonly string? _stripeContext;
    private readonly string _userAgent;

    /// <param name="options">The client's validated settings (a snapshot no one else changes).</param>
    public RequestPreparer(ConnectClientOptions options)
    {
        _baseUrl = options.BaseAddress.AbsoluteUri.TrimEnd('/');
        _connectBaseUrl = options.ConnectBaseAddress.AbsoluteUri.TrimEnd('/');
        _authorization = "Bearer " + options.ApiKey;
        _apiVersion = options.ApiVersion;
        _stripeAccount = options.StripeAccount;
        _stripeContext = options.StripeContext;
        _userAgent = BuildUserAgent(options.AppInfo);
    }

    /// <summary>Encodes parameters as form text (for a query); <see langword="null"/> when there are none.</summary>
    /// <param name="parameters">A request record, raw pairs or encoded text, or <see langword="null"/>.</param>
    /// <returns>The encoded text, or <see langword="null"/>.</returns>
    public static string? Encode(IFormEncodable? parameters)
    {
        if (parameters is null)
        {
            return null;
        }

        using var writer = FormWriter.Rent();
        parameters.WriteForm(writer);
        return writer.Length == 0 ? null : writer.ToString();
    }

    /// <summary>Prepares one call: the only way a request is made, for typed, raw and paged calls alike.</summary>
    /// <param name="method">GET, POST or DELETE.</param>
    /// <param name="path">The path (ids already escaped), starting with <c>/v1/</c>.</param>
    /// <param name="fixedPath">The same path as a <see cref="ConstantPath"/> when it has no ids (its parsed URL is reused), else <see langword="null"/>.</param>
    /// <param name="parameters">The parameters: a POST's body, a GET's or DELETE's query; <see langword="null"/> for none.</param>
    /// <param name="options">The caller's per-call options, or <see langword="null"/>.</param>
    /// <param name="host">The host the path is on: the API, or connect.stripe.com for OAuth.</param>
    /// <returns>The request every attempt of the call sends.</returns>
    /// <exception cref="ArgumentException">A per-call option is unusable; nothing was sent.</exception>
    public PreparedRequest Prepare(HttpMethod method, string path, ConstantPath? fixedPath, IFormEncodable? parameters, RequestOptions? options, ApiHost host = ApiHost.Api)
    {
        var baseUrl = host == ApiHost.Connect ? _connectBaseUrl : _baseUrl;
        var (authorization, account, context, version) = Headers(options);
        string? idempotencyKey = null;
        string? query = null;
        byte[]? body = null;
        if (method == HttpMethod.Post)
        {
            idempotencyKey = IdempotencyKey(options);
            body = EncodeBody(parameters);
        }
        else
        {
            query = Encode(parameters);
        }

        Uri uri;
        if (query is not null)
        {
            uri = new Uri(string.Concat(baseUrl, path, "?", query), UriKind.Absolute);
        }
        else
        {
            uri = fixedPath is null ? new Uri(baseUrl + path, UriKind.Absolute) : fixedPath.ResolveAgainst(baseUrl);
        }

        return new PreparedRequest
        {
            Method = method,
            Path = path,
            Uri = uri,
            Body = body,
            Authorization = authorization,
            ApiVersion = version,
            StripeAccount = account,
            StripeContext = context,
            IdempotencyKey = idempotencyKey,
            UserAgent = _userAgent,
        };
    }

    /// <summary>A POST body: the form text straight to bytes (no intermediate string); empty without parameters.</summary>
    private static byte[] EncodeBody(IFormEncodable? parameters)
    {
        if (parameters is null)
        {
            return [];
        }

        using var writer = FormWriter.Rent();
        parameters.WriteForm(writer);
        return writer.ToUtf8Bytes();
    }

    /// <summary>The header values of one call: the client's defaults with the caller's overrides, each checked.</summary>
    /// <param name="options">The caller's per-call options, or <see langword="null"/>.</param>
    /// <returns>The values.</returns>
    /// <exception cref="ArgumentException">A per-call option is unusable.</exception>
    private (string Authorization, string? Account, string? Context, string Version) Headers(RequestOptions? options)
    {
        var authorization = _authorization;
        if (options?.ApiKey is { } apiKey)
        {
            if (ApiKeyValidator.Problem(apiKey, "RequestOptions.ApiKey") is { } keyProblem)
            {
                throw new ArgumentException(keyProblem, nameof(options));
            }

            authorization = "Bearer " + apiKey;
        }

        var account = _stripeAccount;
        if (options?.StripeAccount is { } callAccount)
        {
            // The same rules as the client-wide default, so "acct_1 " fails here instead of reaching the header.
            if (StripeAccountValidator.Problem(callAccount, "RequestOptions.StripeAccount") is { } accountProblem)
            {
                throw new ArgumentException(accountProblem, nameof(options));
            }

            account = callAccount;
        }

        var context = options?.StripeAccount is null ? _stripeContext : null;
        if (options?.StripeContext is { } callContext)
        {
            if (options.StripeAccount is not null)
            {
                throw new ArgumentException("RequestOptions.StripeContext and RequestOptions.StripeAccount cannot both be set on one call: Stripe-Context names the account (and its parents) itself.", nameof(options));
            }

            if (StripeContextValidator.Problem(callContext, "RequestOptions.StripeContext") is { } contextProblem)
            {
                throw new ArgumentException(contextProblem, nameof(options));
            }

            context = callContext;
            account = null;
        }

        var version = _apiVersion;
        if (options?.ApiVersion is { } callVersion)
        {
            if (string.IsNullOrWhiteSpace(callVersion) || !IsHeaderSafe(callVersion) || callVersion.Trim().Length != callVersion.Length)
            {
                throw new ArgumentException("RequestOptions.ApiVersion must be a Stripe API version such as " + ConnectClientOptions.DefaultApiVersion + ".", nameof(options));
            }

            version = callVersion;
        }

        return (authorization, account, context, version);
    }

    /// <summary>The caller's idempotency key, checked, or a new one: fixed here, once per call, so every attempt carries the same key.</summary>
    private static string IdempotencyKey(RequestOptions? options)
    {
        var key = options?.IdempotencyKey;
        if (key is null)
        {
            return IdempotencyKeys.New();
        }

        if (key.Length is 0 or > 255 || !IsHeaderSafe(key))
        {
            throw new ArgumentException("RequestOptions.IdempotencyKey must be 1 to 255 printable ASCII characters.", nameof(options));
        }

        return key;
    }

    private static bool IsHeaderSafe(string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || c >= 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static string BuildUserAgent(AppInfo? app)
    {
        var agent = "Stripe.Connect.Client/" + ConnectTelemetry.Version;
        if (app?.Name is { Length: > 0 } name)
        {
            agent += " " + Clean(name) + (app.Version is { Length: > 0 } v ? "/" + Clean(v) : string.Empty);
            if (app.Url is { Length: > 0 } url)
            {
                agent += " (" + Clean(url) + ")";
            }
        }

        return agent;

        static string Clean(string text)
        {
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] < 0x20 || chars[i] >= 0x7F || chars[i] is '(' or ')')
                {
                    chars[i] = '_';
                }
            }

            return new string(chars).Replace(' ', '_');
        }
    }
}
