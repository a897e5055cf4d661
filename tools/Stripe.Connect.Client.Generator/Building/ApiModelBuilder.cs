using System.Text.Json;
using Stripe.Connect.Client.Generator.Configuration;
using Stripe.Connect.Client.Generator.Docs;
using Stripe.Connect.Client.Generator.Document;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// Builds the <see cref="ApiModel"/> in four passes, each in its own class: walking the document
/// (<see cref="ResponseWalker"/>, <see cref="InputWalker"/>), sharing shapes (<see cref="InputMerging"/>,
/// <see cref="ShapeSharing"/>), naming (<see cref="TypeNamer"/>, <see cref="EnumNaming"/>) and docs
/// (<see cref="DocWriter"/>); then the event table (<see cref="EventTable"/>).
/// </summary>
internal sealed class ApiModelBuilder(SpecDocument doc, EventsDocument events, GeneratorConfig config, DocsOverlay overlay)
{
    private const string DocsBase = "https://docs.stripe.com/api/";

    private readonly ApiModel _model = new()
    {
        ApiVersion = doc.ApiVersion,
        Namespace = config.Namespace,
        IsV2 = config.IsV2,
        ServicesClass = config.ServicesClass,
        ModelFactory = config.ModelFactory,
    };
    private readonly Dictionary<string, string> _resourceOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _methodOf = new(StringComparer.Ordinal);

    public ApiModel Build()
    {
        Walk();
        var namer = new TypeNamer(config, _model.Report);
        var sharing = new ShapeSharing(_model, namer);
        NameRecords(namer, sharing);
        NameInputs(namer, sharing);
        new EnumNaming(_model, namer, _resourceOf).Run();
        FixMemberNames();
        PlaceChecks.Resolve(_model);
        UnionBases.Compute(_model);
        RequestSecrets.Mark(_model, config);
        new DocWriter(_model, config, overlay).Run();
        new EventTable(_model, events, overlay).Build();
        return _model;
    }

    private void Walk()
    {
        var found = new List<(OperationConfig Config, JsonElement Op)>();
        foreach (var op in config.Operations)
        {
            if (doc.TryGetOperation(op.Http, op.Path, out var operation))
            {
                found.Add((op, operation));
            }
            else
            {
                _model.Report.MissingOperations.Add($"{op.Http} {op.Path} ({op.Service}.{op.Method}Async)");
            }
        }

        foreach (var svc in config.Services)
        {
            _model.Services.Add(new ServiceModel(svc));
        }

        var responses = new ResponseWalker(doc, config, _model, found.Select(f => SpecDocument.ResponseSchema(f.Op)));
        var inputs = new InputWalker(doc, _model);
        foreach (var (op, operation) in found)
        {
            var service = _model.Services.Find(s => s.Config.Property == op.Service)
                ?? throw new InvalidOperationException($"Operation {op.Http} {op.Path} names unknown service {op.Service}.");
            var docUrl = DocsBase + (op.Docs ?? service.Config.Docs);
            var requestKey = $"{service.Config.Resource}{op.Method}Request";
            _resourceOf[requestKey] = service.Config.Resource;
            _methodOf[requestKey] = op.Method;
            var where = $"{op.Http} {op.Path}";
            var server = SpecDocument.OperationServer(operation);
            if (server is not null && !Hosts.IsConnect(server))
            {
                _model.Report.Skip("operation with its own servers entry other than connect.stripe.com: sent to the client's base address", where);
            }

            var method = new MethodModel
            {
                Name = op.Method,
                Http = op.Http,
                Path = op.Path,
                Ids = op.PathParams,
                Request = inputs.Request(operation, requestKey, docUrl),
                Result = responses.Result(SpecDocument.ResponseSchema(operation), docUrl, where),
                Summary = op.Summary is { } s ? s + "." : DefaultSummary(op.Method, Words.HumanFromPascal(service.Config.Resource)),
                DocUrl = docUrl,
                Server = server,
            };
            service.Methods.Add(method);
        }
    }

    private static string DefaultSummary(string method, string resource) => method switch
    {
        "Create" => $"Creates {Words.Article(resource)}.",
        "Get" => $"Retrieves {Words.Article(resource)} by id.",
        "Update" => $"Updates {Words.Article(resource)}; parameters left unset keep their current value.",
        "Delete" => $"Deletes {Words.Article(resource)}.",
        "List" => $"Lists {resource} objects, one page at a time, newest first.",
        _ => $"Calls {method} on {Words.Article(resource)}.",
    };

    private void NameRecords(TypeNamer namer, ShapeSharing sharing)
    {
        var names = new Dictionary<string, NameParts>(StringComparer.Ordinal);
        NameParts? NameOf(string key)
        {
            if (names.TryGetValue(key, out var known))
            {
                return known;
            }

            if (!_model.Records.ContainsKey(key) && !_model.Unions.ContainsKey(key))
            {
                return null;
            }

            return names[key] = namer.RecordName(key, NameOf);
        }

        foreach (var key in _model.Records.Keys.Concat(_model.Unions.Keys))
        {
            NameOf(key);
        }

        sharing.ShareRecords(names);
        sharing.Prune();

        // Resources and unions claim their names first, so a nested shape never takes a resource's name.
        var live = names.Keys.Where(k => _model.Records.ContainsKey(k) || _model.Unions.ContainsKey(k));
        var order = live.OrderBy(k => _model.Unions.ContainsKey(k) || _model.Records[k].IsResource ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal);
        var final = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in order.ToList())
        {
            final[key] = namer.Claim(names[key], "response:" + key);
        }

        foreach (var r in _model.Records.Values)
        {
            r.Name = final[r.Key];
            r.BaseName = r.BaseName is { } b ? final[b] : null;
        }

        foreach (var u in _model.Unions.Values)
        {
            u.Name = final[u.Key];
            for (var i = 0; i < u.Variants.Count; i++)
            {
                u.Variants[i] = (u.Variants[i].ObjectValue, final[u.Variants[i].Record]);
            }
        }

        TypeRewriter.Apply(_model, t => t.Kind is TypeKind.Record or TypeKind.Union && final.TryGetValue(t.Name!, out var n) ? n : null);
        TypeRewriter.Rekey(_model.Records, r => r.Name);
        TypeRewriter.Rekey(_model.Unions, u => u.Name);
    }

    private void NameInputs(TypeNamer namer, ShapeSharing sharing)
    {
        var merging = new InputMerging(_model);
        var nested = _model.Inputs.Values.Where(i => !i.IsTopLevel).Select(i => i.Key).Concat(_model.OneOfs.Keys).ToList();
        var names = nested.ToDictionary(k => k, k => namer.InputName(k, _resourceOf), StringComparer.Ordinal);

        // Twins merge by name once their nested records are one type; sharing identical shapes can make that so, which
        // lets more twins merge: repeat until nothing changes. Twins that still differ keep the request's method in their name.
        while (true)
        {
            var before = _model.Inputs.Count + _model.OneOfs.Count;
            var refused = merging.MergeByName(names.ToDictionary(n => n.Key, n => n.Value.Text), Twin);
            Forget(names);
            sharing.ShareInputs(names, merging);
            Forget(names);
            if (_model.Inputs.Count + _model.OneOfs.Count == before)
            {
                foreach (var key in refused.Where(names.ContainsKey))
                {
                    names[key] = namer.InputName(key, _resourceOf, qualified: true);
                    _model.Report.Notes.Add($"{key}: another shape has its default name; named {names[key].Text}");
                }

                break;
            }
        }

        sharing.Prune();
        Forget(names);

        var final = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var top in _model.Inputs.Values.Where(i => i.IsTopLevel).OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            final[top.Key] = namer.Claim(NameParts.Fixed(top.Key), "request:" + top.Key);
        }

        foreach (var (key, parts) in names.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            final[key] = namer.Claim(parts, "request:" + key);
        }

        foreach (var range in _model.Ranges.Values.ToList())
        {
            var name = namer.Configured(range.Name) ?? (range.Name == InputWalker.TimeRangeKey ? "TimeRangeInput" : "NumberRangeInput");
            final[range.Name] = namer.Claim(NameParts.Fixed(name), "range:" + range.Name);
            _model.Ranges.Remove(range.Name);
            _model.Ranges[final[range.Name]] = range with { Name = final[range.Name] };
        }

        foreach (var i in _model.Inputs.Values)
        {
            i.Name = final[i.Key];
        }

        foreach (var o in _model.OneOfs.Values)
        {
            o.Name = final[o.Key];
        }

        foreach (var m in _model.Services.SelectMany(s => s.Methods))
        {
            m.Request = m.Request is { } r ? final[r] : null;
        }

        TypeRewriter.Apply(_model, t => t.Kind is TypeKind.Input or TypeKind.OneOf or TypeKind.Range && final.TryGetValue(t.Name!, out var n) ? n : null);
        OnlyIn(final);
        TypeRewriter.Rekey(_model.Inputs, i => i.Name);
        TypeRewriter.Rekey(_model.OneOfs, o => o.Name);
        foreach (var m in _model.Services.SelectMany(s => s.Methods))
        {
            m.RequestRequired = m.Request is { } r && _model.Inputs[r].Props.Exists(p => p.Required);
        }
    }

    /// <summary>Places that merge with others of their name: under a create or update request, or named by the configuration.</summary>
    private bool Twin(string key) =>
        _methodOf.GetValueOrDefault(key.Split('.', '#')[0]) is "Create" or "Update" || config.TypeNames.ContainsKey(key) || config.NamePatterns.Any(p => p.Apply(key) is not null);

    private void Forget(Dictionary<string, NameParts> names)
    {
        foreach (var gone in names.Keys.Where(k => !_model.Inputs.ContainsKey(k) && !_model.OneOfs.ContainsKey(k)).ToList())
        {
            names.Remove(gone);
        }
    }

    /// <summary>Marks the members of shared request records that only some of their places accept, by top-level request.</summary>
    private void OnlyIn(Dictionary<string, string> final)
    {
        static string Root(string place) => place.Split('.', '#')[0];
        foreach (var input in _model.Inputs.Values)
        {
            var allRoots = input.Places.Select(Root).ToHashSet(StringComparer.Ordinal);
            foreach (var p in input.Props)
            {
                if (p.HeldBy is { } held && held.Select(Root).ToHashSet(StringComparer.Ordinal) is var roots && !roots.SetEquals(allRoots))
                {
                    p.OnlyIn = [.. roots.Select(r => final.GetValueOrDefault(r, r)).Order(StringComparer.Ordinal)];
                }

                p.HeldBy = null;
            }
        }

        foreach (var o in _model.OneOfs.Values)
        {
            o.Alternatives.ForEach(p => p.HeldBy = null);
        }
    }

    /// <summary>A member cannot have its type's name: such a member gets <c>Value</c> appended.</summary>
    private void FixMemberNames()
    {
        foreach (var r in _model.Records.Values)
        {
            Fix(r.Name, r.Props);
        }

        foreach (var i in _model.Inputs.Values)
        {
            Fix(i.Name, i.Props);
        }

        // An object alternative of a one-of is named after its record, without the one-of's own name:
        // ExternalAccountInput.BankAccount (BankAccountInput), WidgetSourceInput.Card (WidgetSourceCardInput).
        foreach (var o in _model.OneOfs.Values)
        {
            var stem = Stem(o.Name);
            for (var i = 0; i < o.Alternatives.Count; i++)
            {
                var a = o.Alternatives[i];
                if (a.Type.Kind != TypeKind.Input)
                {
                    continue;
                }

                var name = Stem(a.Type.Name!);
                if (name.StartsWith(stem, StringComparison.Ordinal) && name.Length > stem.Length && char.IsAsciiLetterUpper(name[stem.Length]))
                {
                    name = name[stem.Length..];
                }

                o.Alternatives[i] = Clone(a, name);
            }
        }

        static string Stem(string name) => name.EndsWith(TypeNamer.InputSuffix, StringComparison.Ordinal) && name.Length > TypeNamer.InputSuffix.Length ? name[..^TypeNamer.InputSuffix.Length] : name;

        static void Fix<T>(string owner, List<T> props)
        {
            for (var i = 0; i < props.Count; i++)
            {
                props[i] = props[i] switch
                {
                    PropertyModel rp when rp.Name == owner => (T)(object)Clone(rp, rp.Name + "Value"),
                    InputPropertyModel ip when ip.Name == owner => (T)(object)Clone(ip, ip.Name + "Value"),
                    var p => p,
                };
            }
        }
    }

    private static PropertyModel Clone(PropertyModel p, string name) =>
        new() { Wire = p.Wire, Name = name, Type = p.Type, Default = p.Default, Secret = p.Secret, Facts = p.Facts, InBase = p.InBase, Obsolete = p.Obsolete };

    private static InputPropertyModel Clone(InputPropertyModel p, string name) =>
        new() { Wire = p.Wire, Name = name, Type = p.Type, Required = p.Required, Fixed = p.Fixed, Facts = p.Facts, OnlyIn = p.OnlyIn, Obsolete = p.Obsolete };
}
