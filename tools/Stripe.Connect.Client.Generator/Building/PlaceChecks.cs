using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// Keeps "required" where sharing took it away: when a twin that required a member (account creation requires the
/// bank account's currency) merged with one that does not, the shared record's member is optional, so the top-level
/// request of that place checks it itself before sending (<see cref="InputModel.PlaceChecks"/>), and its doc says so.
/// </summary>
internal static class PlaceChecks
{
    public static void Resolve(ApiModel model)
    {
        foreach (var (place, wires) in model.PlaceRequired.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var tokens = Tokens(place);
            if (!model.Inputs.TryGetValue(tokens[0], out var request) || !request.IsTopLevel)
            {
                continue;
            }

            var path = new List<(string Member, bool Emptyable)>();
            var keys = new List<string>();
            object? current = request;
            var prefix = tokens[0];
            foreach (var token in tokens.Skip(1))
            {
                prefix += token;
                TypeRef? next = null;
                if (token[0] == '.' && current is InputModel input && input.Props.Find(p => p.Wire == token[1..]) is { } prop)
                {
                    next = prop.Type;
                    keys.Add(prop.Wire);
                    path.Add((prop.Name, prop.Type.AsNonNullable().Kind == TypeKind.Emptyable));
                }
                else if (token[0] == '#' && current is OneOfModel oneOf
                    && oneOf.Alternatives.Find(a => a.Type.Kind == TypeKind.Input && model.Inputs.TryGetValue(a.Type.Name!, out var alt) && alt.Places.Contains(prefix)) is { } alternative)
                {
                    next = alternative.Type;
                    path.Add((alternative.Name, false));
                }

                current = Target(model, next);
                if (current is null)
                {
                    break;
                }
            }

            if (current is not InputModel record)
            {
                continue;
            }

            foreach (var wire in wires)
            {
                if (record.Props.Find(p => p.Wire == wire) is { Required: false } member)
                {
                    var formKey = keys[0] + string.Concat(keys.Skip(1).Append(wire).Select(k => "[" + k + "]"));
                    request.PlaceChecks.Add(new PlaceCheck(path, formKey, member));
                    member.RequiredIn = [.. (member.RequiredIn ?? []).Append(request.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
                }
            }
        }
    }

    /// <summary><c>AccountCreateRequest.external_account#object</c> → <c>AccountCreateRequest</c>, <c>.external_account</c>, <c>#object</c>.</summary>
    private static List<string> Tokens(string place)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 0; i <= place.Length; i++)
        {
            if (i == place.Length || (i > 0 && place[i] is '.' or '#'))
            {
                tokens.Add(place[start..i]);
                start = i;
            }
        }

        return tokens;
    }

    private static object? Target(ApiModel model, TypeRef? t)
    {
        if (t is null)
        {
            return null;
        }

        t = t.AsNonNullable();
        if (t.Kind == TypeKind.Emptyable)
        {
            t = t.Item;
        }

        return t.Kind switch
        {
            TypeKind.Input => model.Inputs.GetValueOrDefault(t.Name!),
            TypeKind.OneOf => model.OneOfs.GetValueOrDefault(t.Name!),
            _ => null,
        };
    }
}
