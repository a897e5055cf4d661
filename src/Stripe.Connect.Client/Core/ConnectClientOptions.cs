namespace Stripe.Connect.Client;

/// <summary>
/// Settings of a <see cref="ConnectClient"/>. With dependency injection, bind them from configuration (a section
/// such as <c>StripeConnect</c>) or set them in <c>AddConnectClient(options =&gt; ...)</c>.
/// </summary>
/// <remarks><c>DefaultApiVersion</c> is generated from the API description (<c>Generated/Client/ConnectClientOptions.ApiVersion.cs</c>).</remarks>
public sealed partial class ConnectClientOptions
{
    private ConnectResilienceOptions? _resilience;

    /// <summary>The default address of the Stripe API.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.stripe.com/");

    /// <summary>The default address of Stripe's OAuth endpoints.</summary>
    public static readonly Uri DefaultConnectBaseAddress = new("https://connect.stripe.com/");

    /// <summary>The platform's secret key (<c>sk_...</c>) or restricted key (<c>rk_...</c>). Required.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API version sent as <c>Stripe-Version</c>. Defaults to <see cref="DefaultApiVersion"/>.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>
    /// The API's base address. Defaults to <c>https://api.stripe.com/</c>. Plain <c>http://</c> is refused unless
    /// the host is loopback (a local fake or proxy).
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// The address of the OAuth endpoints (<c>/oauth/token</c>, <c>/oauth/deauthorize</c>) and of the authorize page.
    /// Defaults to <c>https://connect.stripe.com/</c>; the same https rule as <see cref="BaseAddress"/> applies.
    /// </summary>
    public Uri ConnectBaseAddress { get; set; } = DefaultConnectBaseAddress;

    /// <summary>
    /// The platform's OAuth client id (<c>ca_...</c>, from the Connect settings of the Dashboard). Used by
    /// <see cref="OAuthService.AuthorizeUrl"/> and <see cref="OAuthService.DeauthorizeAsync"/> when the call names none;
    /// not a secret.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// A connected account (<c>acct_...</c>) that every call acts on unless its <see cref="RequestOptions"/> names
    /// another. Leave it <see langword="null"/> for a platform client.
    /// </summary>
    public string? StripeAccount { get; set; }

    /// <summary>
    /// The context every call acts in unless its <see cref="RequestOptions"/> names another, sent as the
    /// <c>Stripe-Context</c> header: a connected account id, or a <c>/</c>-separated path of them. The v2 counterpart of
    /// <see cref="StripeAccount"/>; set one of the two, not both. A call that sets <see cref="RequestOptions.StripeAccount"/>
    /// does not send it.
    /// </summary>
    public string? StripeContext { get; set; }

    /// <summary>How many times a failed call is retried (connection failures, time-outs, 409, 429, 5xx). Default 2; 0 turns retries off.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>The time one attempt may take before it is abandoned (and retried). Default 80 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(80);

    /// <summary>The first retry delay; later ones double up to <see cref="MaxRetryDelay"/>, with jitter. Default 0.5 seconds.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest computed retry delay. Default 5 seconds. A <c>Retry-After</c> header may ask for longer, up to one minute.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// An optional client-side limit of requests per second (attempts, retries included), so a batch job stays
    /// under Stripe's rate limit instead of living on 429 retries. <see langword="null"/> (the default) means no limit.
    /// </summary>
    public double? MaxRequestsPerSecond { get; set; }

    /// <summary>Identifies your application in the <c>User-Agent</c> header.</summary>
    public AppInfo? AppInfo { get; set; }

    /// <summary>
    /// Polly strategies of your own, around the SDK's retry or inside it (per attempt). Set in code only; nothing
    /// here is read from configuration. Setting <see langword="null"/> clears them.
    /// </summary>
    public ConnectResilienceOptions Resilience
    {
        // Created on first use: its lists name Polly's types, so options nobody adds a strategy to never load Polly.
        get => _resilience ??= new();
        set => _resilience = value;
    }

    /// <summary>Whether a strategy of the caller's was added through <see cref="Resilience"/>.</summary>
    internal bool HasResilienceStrategies => _resilience is { IsEmpty: false };

    /// <summary>Copies <paramref name="source"/>'s <see cref="Resilience"/> into these options (for the client's snapshot).</summary>
    /// <param name="source">The options to copy from.</param>
    /// <returns>These options.</returns>
    internal ConnectClientOptions WithResilienceOf(ConnectClientOptions source)
    {
        if (source.HasResilienceStrategies)
        {
            Resilience.CopyFrom(source.Resilience);
        }

        return this;
    }

    /// <summary>Describes the options with the API key masked.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"ConnectClientOptions {{ ApiKey = {ApiKeyValidator.Mask(ApiKey)}, ApiVersion = {ApiVersion}, BaseAddress = {BaseAddress}, ConnectBaseAddress = {ConnectBaseAddress}, ClientId = {ClientId}, StripeAccount = {StripeAccount}, MaxNetworkRetries = {MaxNetworkRetries}, Timeout = {Timeout} }}";

    /// <summary>Every problem with these settings, each naming the setting; empty when they are usable.</summary>
    /// <returns>The problems found.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ApiKeyValidator.Problem(ApiKey, "ConnectClientOptions.ApiKey") is { } keyProblem)
        {
            problems.Add(keyProblem);
        }

        if (string.IsNullOrWhiteSpace(ApiVersion))
        {
            problems.Add("ConnectClientOptions.ApiVersion must not be empty (default: " + DefaultApiVersion + ").");
        }
        else if (ApiVersion.Trim().Length != ApiVersion.Length || ApiVersion.Any(static c => c < 0x20 || c >= 0x7F))
        {
            problems.Add("ConnectClientOptions.ApiVersion must be a Stripe API version such as " + DefaultApiVersion + ", without white space around it.");
        }

        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            problems.Add("ConnectClientOptions.BaseAddress must be an absolute URI such as https://api.stripe.com/.");
        }
        else if (BaseAddress.Scheme != Uri.UriSchemeHttps && !(BaseAddress.Scheme == Uri.UriSchemeHttp && BaseAddress.IsLoopback))
        {
            problems.Add("ConnectClientOptions.BaseAddress must use https; plain http is only allowed for a loopback host (localhost, 127.0.0.1, [::1]).");
        }

        if (ConnectBaseAddress is null || !ConnectBaseAddress.IsAbsoluteUri)
        {
            problems.Add("ConnectClientOptions.ConnectBaseAddress must be an absolute URI such as https://connect.stripe.com/.");
        }
        else if (ConnectBaseAddress.Scheme != Uri.UriSchemeHttps && !(ConnectBaseAddress.Scheme == Uri.UriSchemeHttp && ConnectBaseAddress.IsLoopback))
        {
            problems.Add("ConnectClientOptions.ConnectBaseAddress must use https; plain http is only allowed for a loopback host (localhost, 127.0.0.1, [::1]).");
        }

        if (ClientId is not null && (ClientId.Length == 0 || ClientId.Trim().Length != ClientId.Length || ClientId.Any(c => c < 0x21 || c >= 0x7F)))
        {
            problems.Add("ConnectClientOptions.ClientId must be the platform's client id (ca_...) without white space, or null.");
        }

        if (MaxNetworkRetries is < 0 or > 10)
        {
            problems.Add("ConnectClientOptions.MaxNetworkRetries must be between 0 and 10.");
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add("ConnectClientOptions.Timeout must be positive.");
        }

        if (InitialRetryDelay < TimeSpan.Zero || MaxRetryDelay < InitialRetryDelay)
        {
            problems.Add("ConnectClientOptions.InitialRetryDelay must be positive and not larger than MaxRetryDelay.");
        }

        if (MaxRequestsPerSecond is { } rate && (rate <= 0 || double.IsNaN(rate) || double.IsInfinity(rate)))
        {
            problems.Add("ConnectClientOptions.MaxRequestsPerSecond must be a positive number, or null for no limit.");
        }

        if (StripeAccountValidator.Problem(StripeAccount, "ConnectClientOptions.StripeAccount") is { } accountProblem)
        {
            problems.Add(accountProblem);
        }

        if (StripeContextValidator.Problem(StripeContext, "ConnectClientOptions.StripeContext") is { } contextProblem)
        {
            problems.Add(contextProblem);
        }
        else if (StripeContext is not null && StripeAccount is not null)
        {
            problems.Add("ConnectClientOptions.StripeContext and ConnectClientOptions.StripeAccount cannot both be set: Stripe-Context names the account itself.");
        }

        return problems;
    }
}
