using System.Globalization;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>v2 account fields written onto the v1 account of the same id (identity, contact details, ToS, metadata).</summary>
internal sealed partial class ConnectState
{
    /// <summary>The v2 fields that live on the v1 account, written as its parameters.</summary>
    private static void MapV2Fields(JsonObject p, JsonObject v1)
    {
        if (p.Str("contact_email") is { } email)
        {
            v1["email"] = email;
        }

        if (p.Str("display_name") is { } name)
        {
            v1["business_profile"] = new JsonObject { ["name"] = name };
        }

        if (p["metadata"] is JsonObject metadata)
        {
            // A null value removes the key: the v1 form of that is the empty string.
            v1["metadata"] = new JsonObject(metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value?.GetValue<string>() ?? string.Empty))));
        }

        if (p["defaults"]?["profile"] is JsonObject profile)
        {
            v1["business_profile"] ??= new JsonObject();
            if (profile.Str("business_url") is { } url)
            {
                v1["business_profile"]!["url"] = url;
            }

            if (profile.Str("product_description") is { } description)
            {
                v1["business_profile"]!["product_description"] = description;
            }
        }

        if (p["configuration"]?["merchant"]?["mcc"] is JsonValue mcc)
        {
            v1["business_profile"] ??= new JsonObject();
            v1["business_profile"]!["mcc"] = mcc.GetValue<string>();
        }

        if (p["identity"] is not JsonObject identity)
        {
            return;
        }

        if (identity.Str("entity_type") is { } entity)
        {
            v1["business_type"] = entity;
        }

        if (identity["individual"] is JsonObject person)
        {
            var individual = new JsonObject();
            Copy(person, "given_name", individual, "first_name");
            Copy(person, "surname", individual, "last_name");
            Copy(person, "email", individual, "email");
            Copy(person, "phone", individual, "phone");
            if (person["address"] is JsonObject address)
            {
                individual["address"] = address.DeepClone();
            }

            if (person["date_of_birth"] is JsonObject dob)
            {
                individual["dob"] = dob.DeepClone();
            }

            if (person["id_numbers"] is JsonArray ids && ids.Count > 0 && ids[0]?["value"] is JsonValue number)
            {
                individual["id_number"] = number.GetValue<string>();
            }

            v1["individual"] = individual;
        }

        if (identity["business_details"] is JsonObject business)
        {
            var company = new JsonObject();
            Copy(business, "registered_name", company, "name");
            Copy(business, "phone", company, "phone");
            if (business["address"] is JsonObject address)
            {
                company["address"] = address.DeepClone();
            }

            if (business["id_numbers"] is JsonArray ids && ids.Count > 0 && ids[0]?["value"] is JsonValue number)
            {
                company["tax_id"] = number.GetValue<string>();
            }

            v1["company"] = company;
        }

        if (identity["attestations"]?["terms_of_service"]?["account"] is JsonObject tos)
        {
            var acceptance = new JsonObject();
            if (tos.Str("date") is { } date && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                acceptance["date"] = at.ToUnixTimeSeconds();
            }

            Copy(tos, "ip", acceptance, "ip");
            Copy(tos, "user_agent", acceptance, "user_agent");
            v1["tos_acceptance"] = acceptance;
        }

        static void Copy(JsonObject from, string name, JsonObject to, string v1Name)
        {
            if (from.Str(name) is { } value)
            {
                to[v1Name] = value;
            }
        }
    }
}
