using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// Writes each service (<c>AccountService</c>...) as a <c>partial class</c> deriving from <c>ConnectService</c>: one
/// virtual method per operation that checks and escapes its ids (<c>PathId</c>) and hands the call to
/// <c>SendAsync</c>, plus <c>ListAutoPagingAsync</c> for lists of objects with ids. A path without ids is a static
/// <c>ConstantPath</c> field, so its parsed URL is kept between calls.
/// </summary>
internal sealed class ServiceEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model) =>
        model.Services.Select(s => new GeneratedFile(Layout.File(Layout.Services, s.Config.ClassName), Write(model, s)));

    /// <summary>The static field holding a path without ids: <c>/v1/account_links</c> becomes <c>AccountLinksPath</c>.</summary>
    public static string ConstantPathField(string path) =>
        string.Concat(path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Words.Pascal)) + "Path";

    private static string Write(ApiModel model, ServiceModel s)
    {
        var constantPaths = s.Methods.Where(m => m.Ids.Count == 0).Select(m => m.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var w = SourceFile.Start(model, constantPaths.Count > 0 ? ["Stripe.Connect.Client.Http"] : []);
        var c = s.Config;
        SourceFile.TypeDoc(w, c.Summary, "https://docs.stripe.com/api/" + c.Docs);
        w.Open($"public partial class {c.ClassName} : ConnectService");
        foreach (var path in constantPaths)
        {
            w.Line($"private static readonly ConstantPath {ConstantPathField(path)} = new({Words.Literal(path)});");
        }

        if (constantPaths.Count > 0)
        {
            w.Line();
        }

        w.Line($"internal {c.ClassName}(ConnectClient client)");
        w.Line("    : base(client)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Summary("For mocking frameworks and test doubles only: a service made this way cannot send requests.");
        w.Line($"protected {c.ClassName}()");
        w.Line("{");
        w.Line("}");
        foreach (var m in s.Methods)
        {
            WriteMethod(w, model, m, autoPaging: false);
            if ((m.Result.Kind == TypeKind.Page && HasId(model, m.Result.Item)) || m.Result.Kind == TypeKind.V2Page)
            {
                WriteMethod(w, model, m, autoPaging: true);
            }
        }

        w.Close();
        return w.ToString();
    }

    private static bool HasId(ApiModel model, TypeRef item) => item.Kind switch
    {
        TypeKind.StripeObject or TypeKind.External => true,
        TypeKind.Union => model.Unions[item.Name!].HasId,
        TypeKind.Record => model.Records[item.Name!] is var r && (r.HasId || (r.BaseName is { } b && model.Unions[b].HasId)),
        _ => false,
    };

    private static void WriteMethod(CodeWriter w, ApiModel model, MethodModel m, bool autoPaging)
    {
        w.Line();
        var item = m.Result.Kind is TypeKind.Page or TypeKind.V2Page ? CSharpTypes.Print(m.Result.Item) : null;
        var name = autoPaging ? "ListAutoPagingAsync" : m.Name + "Async";
        var http = Words.Xml(m.Http + " " + m.Path);
        var summary = autoPaging
            ? $"Lists every {Words.HumanFromPascal(item!)}, fetching the next page only when the enumeration reaches it (<c>{http}</c>)."
            : $"{m.Summary[..^1]} (<c>{http}</c>).";
        w.Line("/// <summary>");
        w.Line("/// " + summary);
        w.Line($"/// <see href=\"{m.DocUrl}\">API reference</see>.");
        w.Line("/// </summary>");
        var args = new List<string>();
        foreach (var (_, cs) in m.Ids)
        {
            var what = cs == "country" ? "The two-letter country code (ISO 3166-1 alpha-2)." : $"The id of the {Words.HumanFromPascal(cs[..^2])}.";
            w.Line($"/// <param name=\"{cs}\">{what}</param>");
            args.Add($"string {cs}");
        }

        if (m.Request is not null)
        {
            w.Line(m.RequestRequired ? "/// <param name=\"request\">The parameters.</param>" : "/// <param name=\"request\">The parameters, or <see langword=\"null\"/> for none.</param>");
            args.Add(m.RequestRequired ? $"{m.Request} request" : $"{m.Request}? request = null");
        }

        w.Line("/// <param name=\"options\">Per-request options, such as the connected account to act for or an idempotency key.</param>");
        w.Line(autoPaging ? "/// <param name=\"cancellationToken\">Cancels the enumeration.</param>" : "/// <param name=\"cancellationToken\">Cancels the call.</param>");
        w.Line(autoPaging ? $"/// <returns>Every {Words.HumanFromPascal(item!)} the list holds, in the API's order.</returns>" : $"/// <returns>{m.ResultDoc}</returns>");
        if (m.Ids.Count > 0)
        {
            w.Line("/// <exception cref=\"ArgumentException\">An id is missing, empty or not a valid id.</exception>");
        }

        args.Add("RequestOptions? options = null");
        args.Add("CancellationToken cancellationToken = default");
        var returnType = autoPaging ? $"IAsyncEnumerable<{item}>" : $"Task<{CSharpTypes.Print(m.Result)}>";
        w.Open($"public virtual {returnType} {name}({string.Join(", ", args)})");
        if (m.Request is not null && m.RequestRequired)
        {
            w.Line("ArgumentNullException.ThrowIfNull(request);");
        }

        var path = m.Path;
        foreach (var (wire, cs) in m.Ids)
        {
            path = path.Replace("{" + wire + "}", $"{{PathId({cs}, nameof({cs}))}}", StringComparison.Ordinal);
        }

        var pathExpr = (m.Ids.Count > 0 ? "$" : string.Empty) + "\"" + path + "\"";
        var parameters = m.Request is null ? "null" : "request";
        // Auto-paging takes the page's contract; a single call takes a reader: a record or union result's generated
        // converter, read directly, or the contract of anything else (pages, events).
        var contract = model.JsonContext + ".Default." + CSharpTypes.ContextProperty(m.Result);
        var reader = m.Result.Kind is TypeKind.Record or TypeKind.Union
            ? $"{(model.IsV2 ? "V2Reader" : "Reader")}({CSharpTypes.Bare(m.Result)}JsonConverter.Instance)"
            : $"Reader({contract})";
        if (autoPaging)
        {
            w.Line($"return {(model.IsV2 ? "V2AutoPageAsync" : "AutoPageAsync")}({pathExpr}, {parameters}, {contract}, options, cancellationToken);");
        }
        else if (model.IsV2)
        {
            // v2: a POST sends its record as a JSON body, GET and DELETE send theirs as the query.
            var isBody = m.Request is { } r && model.Inputs[r].Encoding == BodyEncoding.Json;
            var query = isBody ? "null" : parameters;
            var body = isBody ? parameters : "null";
            var sendPath = m.Ids.Count > 0 ? pathExpr : ConstantPathField(m.Path);
            w.Line($"return SendV2Async({HttpMethodExpression(m.Http)}, {sendPath}, query: {query}, body: {body}, {reader}, options, cancellationToken);");
        }
        else
        {
            var method = HttpMethodExpression(m.Http);
            var sendPath = m.Ids.Count > 0 ? pathExpr : ConstantPathField(m.Path);
            if (Building.Hosts.IsConnect(m.Server) && m.Ids.Count == 0)
            {
                // OAuth: connect.stripe.com, ConnectClientOptions.ConnectBaseAddress.
                sendPath += ", ApiHost.Connect";
            }

            w.Line($"return SendAsync({method}, {sendPath}, {parameters}, {reader}, options, cancellationToken);");
        }

        w.Close();
    }

    private static string HttpMethodExpression(string http) => http switch
    {
        "GET" => "HttpMethod.Get",
        "POST" => "HttpMethod.Post",
        "DELETE" => "HttpMethod.Delete",
        _ => $"new HttpMethod({Words.Literal(http)})",
    };
}
