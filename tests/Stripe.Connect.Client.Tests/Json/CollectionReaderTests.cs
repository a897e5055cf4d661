using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client.Tests.Json;

/// <summary>
/// The hand-written list, map and page readers the generated record readers call (<c>Json/JsonLists</c>,
/// <c>JsonMaps</c>, <c>JsonPages</c>). Where System.Text.Json's collection converters (still reachable through the
/// context's metadata for the list types) accept the input, the result must be the same; where they reject it, so must
/// these, with a <see cref="JsonException"/>.
/// </summary>
public class CollectionReaderTests
{
    private delegate T ReadAt<T>(ref Utf8JsonReader reader);

    /// <summary>Runs <paramref name="read"/> on the first token of <paramref name="json"/> and checks it stops on the value's last token.</summary>
    private static T Read<T>(string json, ReadAt<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var value = read(ref reader);
        Assert.That(reader.Read(), Is.False, "the reader stops on the last token of the value");
        return value;
    }

    /// <summary>The same input through System.Text.Json's own converter for <typeparamref name="T"/>.</summary>
    private static T? SystemTextJson<T>(string json) =>
        JsonSerializer.Deserialize(json, (JsonTypeInfo<T>)ConnectJsonContext.Default.GetTypeInfo(typeof(T))!);

    private static IReadOnlyList<string> Strings(string json) => Read(json, static (ref Utf8JsonReader r) => JsonLists.ReadStrings(ref r));

    private static IReadOnlyList<long> Longs(string json) => Read(json, static (ref Utf8JsonReader r) => JsonLists.ReadLongs(ref r));

    private static IReadOnlyList<T> Items<T>(string json, System.Text.Json.Serialization.JsonConverter<T> item) =>
        Read(json, (ref Utf8JsonReader r) => JsonLists.ReadList(ref r, item, ConnectJsonContext.Default.Options));

    private static IReadOnlyDictionary<string, string> StringMap(string json) => Read(json, static (ref Utf8JsonReader r) => JsonMaps.ReadStrings(ref r));

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> StringListMap(string json) =>
        Read(json, static (ref Utf8JsonReader r) => JsonMaps.ReadStringLists(ref r));

    private static StripeList<T> Page<T>(string json, System.Text.Json.Serialization.JsonConverter<T> item)
        where T : class => Read(json, (ref Utf8JsonReader r) => JsonPages.Read(ref r, item, ConnectJsonContext.Default.Options));

    [Test]
    public void An_empty_list_is_the_shared_empty_array()
    {
        Assert.That(Strings("[]"), Is.SameAs(Array.Empty<string>()));
        Assert.That(Longs("[ ]"), Is.SameAs(Array.Empty<long>()));
        Assert.That(Items("[]", AccountRequirementsErrorJsonConverter.Instance), Is.SameAs(Array.Empty<AccountRequirementsError>()));
    }

    [TestCase("""["a","b"]""")]
    [TestCase("""["caf\u00e9","a\"b\\c","\ud83d\ude00","line\nbreak",""]""")]
    [TestCase("""[null,"x",null]""")]
    [TestCase("""["1","2","3","4","5","6","7","8"]""")]
    [TestCase("""["1","2","3","4","5","6","7","8","9","10","11","12","13","14","15","16","17","18","19","20"]""")]
    public void Strings_read_as_System_Text_Json_reads_them(string json)
    {
        var expected = SystemTextJson<IReadOnlyList<string>>(json);
        Assert.That(Strings(json), Is.EqualTo(expected).AsCollection);
    }

    [Test]
    public void Escaped_strings_are_unescaped()
    {
        Assert.That(Strings("""["caf\u00e9","a\"b","\/x"]"""), Is.EqualTo(new[] { "café", "a\"b", "/x" }).AsCollection);
    }

    [Test]
    public void A_null_item_in_a_list_of_strings_is_kept_as_null_like_System_Text_Json()
    {
        var read = Strings("""[null,"a"]""");
        Assert.That(read, Is.EqualTo(new[] { null, "a" }).AsCollection);
        Assert.That(SystemTextJson<IReadOnlyList<string>>("""[null,"a"]"""), Is.EqualTo(read).AsCollection);
    }

    [Test]
    public void Whole_numbers_read_as_System_Text_Json_reads_them()
    {
        const string json = "[1,31,-1,9223372036854775807]";
        Assert.That(Longs(json), Is.EqualTo(SystemTextJson<IReadOnlyList<long>>(json)).AsCollection);
    }

    [TestCase("[null]")]
    [TestCase("[1.5]")]
    [TestCase("""["1"]""")]
    [TestCase("[9223372036854775808]")]
    public void A_list_of_numbers_rejects_what_System_Text_Json_rejects(string json)
    {
        Assert.That(() => SystemTextJson<IReadOnlyList<long>>(json), Throws.InstanceOf<JsonException>());
        Assert.That(() => Longs(json), Throws.InstanceOf<JsonException>());
    }

    [TestCase("[1]")]
    [TestCase("[true]")]
    [TestCase("""[["a"]]""")]
    [TestCase("""[{"a":"b"}]""")]
    public void A_list_of_strings_rejects_other_items(string json)
    {
        Assert.That(() => SystemTextJson<IReadOnlyList<string>>(json), Throws.InstanceOf<JsonException>());
        Assert.That(() => Strings(json), Throws.TypeOf<JsonException>().With.Message.Contains("string"));
    }

    [TestCase("\"a\"")]
    [TestCase("{}")]
    [TestCase("1")]
    public void Something_else_than_a_list_is_a_JsonException(string json)
    {
        Assert.That(() => Strings(json), Throws.TypeOf<JsonException>().With.Message.Contains("Expected a list"));
        Assert.That(() => Longs(json), Throws.TypeOf<JsonException>().With.Message.Contains("Expected a list"));
        Assert.That(() => Items(json, AccountRequirementsErrorJsonConverter.Instance), Throws.TypeOf<JsonException>().With.Message.Contains("AccountRequirementsError"));
    }

    [Test]
    public void Records_in_a_list_are_read_by_their_own_reader_with_nested_lists()
    {
        const string json = """
            [
              {"alternative_fields_due":["individual.id_number"],"original_fields_due":["company.tax_id","company.name"],"unknown":{"deep":[1,2]}},
              null,
              {"alternative_fields_due":[],"original_fields_due":null}
            ]
            """;
        var read = Items(json, AccountRequirementsAlternativeJsonConverter.Instance);
        var expected = SystemTextJson<IReadOnlyList<AccountRequirementsAlternative>>(json)!;

        Assert.That(read, Has.Count.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(read[0].AlternativeFieldsDue, Is.EqualTo(new[] { "individual.id_number" }).AsCollection);
            Assert.That(read[0].OriginalFieldsDue, Is.EqualTo(expected[0].OriginalFieldsDue).AsCollection);
            Assert.That(read[1], Is.Null, "a null record item stays null, as with System.Text.Json");
            Assert.That(expected[1], Is.Null);
            Assert.That(read[2].AlternativeFieldsDue, Is.Empty);
            Assert.That(read[2].OriginalFieldsDue, Is.Empty, "the required member's setter turns null into []");
        });
    }

    [Test]
    public void Enums_in_a_list_keep_unknown_values_and_reject_null_like_System_Text_Json()
    {
        var converter = new StripeEnumJsonConverter<AvailablePayoutMethods>();
        var read = Items("""["instant","standard","brand_new"]""", converter);
        Assert.That(read, Is.EqualTo(new[] { AvailablePayoutMethods.Instant, AvailablePayoutMethods.Standard, new AvailablePayoutMethods("brand_new") }).AsCollection);
        Assert.That(read[2].IsKnown, Is.False);

        Assert.That(() => SystemTextJson<IReadOnlyList<AvailablePayoutMethods>>("[null]"), Throws.InstanceOf<JsonException>());
        Assert.That(() => Items("[null]", converter), Throws.TypeOf<JsonException>());
    }

    [Test]
    public void An_empty_map_is_the_models_empty_default()
    {
        Assert.That(StringMap("{}"), Is.SameAs(ReadOnlyDictionary<string, string>.Empty));
        Assert.That(StringListMap("{ }"), Is.SameAs(ReadOnlyDictionary<string, IReadOnlyList<string>>.Empty));
    }

    [TestCase("""{"order_id":"6735","caf\u00e9":"cr\u00e8me","k\"q":"v\\w"}""")]
    [TestCase("""{"a":"1","a":"2"}""")]
    [TestCase("""{"gone":null,"kept":"x"}""")]
    public void String_maps_read_as_System_Text_Json_reads_them(string json)
    {
        Assert.That(StringMap(json), Is.EquivalentTo(SystemTextJson<IReadOnlyDictionary<string, string>>(json)!));
    }

    [Test]
    public void Map_keys_are_unescaped_and_a_repeated_key_keeps_its_last_value()
    {
        var map = StringMap("""{"caf\u00e9":"1","a\"b":"2","x":"first","x":"last"}""");
        Assert.Multiple(() =>
        {
            Assert.That(map["café"], Is.EqualTo("1"));
            Assert.That(map["a\"b"], Is.EqualTo("2"));
            Assert.That(map["x"], Is.EqualTo("last"));
            Assert.That(map, Has.Count.EqualTo(3));
        });
    }

    [TestCase("""{"a":1}""")]
    [TestCase("""{"a":["b"]}""")]
    [TestCase("""{"a":{}}""")]
    [TestCase("""["a"]""")]
    [TestCase("\"a\"")]
    public void A_string_map_rejects_other_shapes(string json)
    {
        Assert.That(() => SystemTextJson<IReadOnlyDictionary<string, string>>(json), Throws.InstanceOf<JsonException>());
        Assert.That(() => StringMap(json), Throws.TypeOf<JsonException>());
    }

    [Test]
    public void Maps_of_string_lists_read_as_System_Text_Json_reads_them()
    {
        const string json = """{"us":["usd"],"eu":["eur","usd","gbp"],"none":[],"gone":null}""";
        var read = StringListMap(json);
        var expected = SystemTextJson<IReadOnlyDictionary<string, IReadOnlyList<string>>>(json)!;

        Assert.That(read.Keys, Is.EquivalentTo(expected.Keys));
        foreach (var (key, value) in expected)
        {
            Assert.That(read[key], value is null ? Is.Null : Is.EqualTo(value).AsCollection, key);
        }

        Assert.That(() => StringListMap("""{"us":"usd"}"""), Throws.TypeOf<JsonException>());
    }

    [Test]
    public void A_page_skips_unknown_members_and_reads_its_items_with_their_reader()
    {
        const string json = """
            {
              "object": "list",
              "total_count": 2,
              "data": [
                {"object":"bank_account","id":"ba_1","bank_name":"B","metadata":{}},
                {"object":"card","id":"card_1","last4":"4242","brand":"Visa","new_field":[{"x":1}]}
              ],
              "has_more": true,
              "extra": {"deep": [1, {"a": [null]}]},
              "url": "/v1/accounts/acct_1/external_accounts"
            }
            """;
        var page = Page(json, ExternalAccountJsonConverter.Instance);
        var expected = SystemTextJson<StripeList<ExternalAccount>>(json)!;

        Assert.Multiple(() =>
        {
            Assert.That(page.Object, Is.EqualTo(expected.Object));
            Assert.That(page.HasMore, Is.True.And.EqualTo(expected.HasMore));
            Assert.That(page.Url, Is.EqualTo(expected.Url));
            Assert.That(page.Data, Is.EqualTo(expected.Data).AsCollection);
            Assert.That(page.Data[0], Is.InstanceOf<BankAccount>());
            Assert.That(((Card)page.Data[1]).Last4, Is.EqualTo("4242"));
        });
    }

    [Test]
    public void A_page_keeps_its_defaults_for_null_members_like_System_Text_Json()
    {
        const string json = """{"object":null,"data":null,"has_more":false,"url":null}""";
        var page = Page(json, TransferReversalJsonConverter.Instance);
        var expected = SystemTextJson<StripeList<TransferReversal>>(json)!;

        Assert.Multiple(() =>
        {
            Assert.That(page.Object, Is.EqualTo("list").And.EqualTo(expected.Object));
            Assert.That(page.Data, Is.Empty.And.EqualTo(expected.Data));
            Assert.That(page.Url, Is.Null.And.EqualTo(expected.Url));
            Assert.That(Page("{}", TransferReversalJsonConverter.Instance), Is.EqualTo(new StripeList<TransferReversal>()));
        });
    }

    [TestCase("""{"has_more":null}""")]
    [TestCase("""{"has_more":"true"}""")]
    [TestCase("""{"data":{}}""")]
    [TestCase("""{"object":1}""")]
    [TestCase("""{"url":false}""")]
    [TestCase("""[]""")]
    public void A_page_rejects_what_System_Text_Json_rejects(string json)
    {
        Assert.That(() => SystemTextJson<StripeList<TransferReversal>>(json), Throws.InstanceOf<JsonException>());
        Assert.That(() => Page(json, TransferReversalJsonConverter.Instance), Throws.TypeOf<JsonException>());
    }

    [TestCase("""["a","b""")]
    [TestCase("""["a",""")]
    [TestCase("""[""")]
    public void A_truncated_list_is_a_JsonException(string json)
    {
        // Over a buffer that is not the final block the reader stops instead of throwing; the helper must not return.
        Assert.That(() => ReadPartial(json, static (ref Utf8JsonReader r) => JsonLists.ReadStrings(ref r)), Throws.TypeOf<JsonException>());
        Assert.That(() => Strings(json), Throws.InstanceOf<JsonException>());
    }

    [TestCase("""{"a":"b""")]
    [TestCase("""{"a":""")]
    [TestCase("""{"a""")]
    public void A_truncated_map_is_a_JsonException(string json)
    {
        Assert.That(() => ReadPartial(json, static (ref Utf8JsonReader r) => JsonMaps.ReadStrings(ref r)), Throws.TypeOf<JsonException>());
        Assert.That(() => StringMap(json), Throws.InstanceOf<JsonException>());
    }

    [TestCase("""{"object":"list","data":[""")]
    [TestCase("""{"object":"list","data":[{"id":"trr_1"}""")]
    [TestCase("""{"object":"list","has_more":""")]
    [TestCase("""{"object":"list",""")]
    public void A_truncated_page_is_a_JsonException(string json)
    {
        Assert.That(() => ReadPartial(json, static (ref Utf8JsonReader r) => JsonPages.Read(ref r, TransferReversalJsonConverter.Instance, ConnectJsonContext.Default.Options)), Throws.InstanceOf<JsonException>());
        Assert.That(() => Page(json, TransferReversalJsonConverter.Instance), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public void A_truncated_account_body_is_a_JsonException_from_bytes_and_from_a_stream()
    {
        var json = """{"id":"acct_1","object":"account","requirements":{"currently_due":["a","b"],"errors":[{"code":"x","reason":"r","requirement":"q"}""";
        Assert.That(() => JsonSerializer.Deserialize(json, ConnectJsonContext.Default.Account), Throws.InstanceOf<JsonException>());
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        Assert.That(() => JsonSerializer.Deserialize(stream, ConnectJsonContext.Default.Account), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public void Lists_maps_and_pages_inside_records_read_through_the_serializer()
    {
        const string json = """
            {"id":"acct_1","object":"account","metadata":{"k":"v"},
             "requirements":{"currently_due":["a","b"],"eventually_due":[],"past_due":[null],"pending_verification":null,
               "errors":[{"code":"invalid_value_other","reason":"r","requirement":"q"}],"alternatives":[]},
             "external_accounts":{"object":"list","data":[{"object":"card","id":"card_1"}],"has_more":false,"url":"/v1/x"}}
            """;
        var account = JsonSerializer.Deserialize(json, ConnectJsonContext.Default.Account)!;
        Assert.Multiple(() =>
        {
            Assert.That(account.Metadata, Is.EquivalentTo(new Dictionary<string, string> { ["k"] = "v" }));
            Assert.That(account.Requirements!.CurrentlyDue, Is.EqualTo(new[] { "a", "b" }).AsCollection);
            Assert.That(account.Requirements.EventuallyDue, Is.Empty);
            Assert.That(account.Requirements.PastDue, Is.EqualTo(new string?[] { null }).AsCollection);
            Assert.That(account.Requirements.PendingVerification, Is.Null);
            Assert.That(account.Requirements.Errors![0].Code, Is.EqualTo(AccountRequirementsErrorCode.InvalidValueOther));
            Assert.That(account.Requirements.Alternatives, Is.Empty);
            Assert.That(account.ExternalAccounts!.Data.Single(), Is.InstanceOf<Card>());
        });
    }

    private static T ReadPartial<T>(string json, ReadAt<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), isFinalBlock: false, state: default);
        reader.Read();
        return read(ref reader);
    }
}
