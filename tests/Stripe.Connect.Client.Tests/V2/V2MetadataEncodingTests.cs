using System.Text;
using Stripe.Connect.Client.Http;
using V2Core = Stripe.Connect.Client.V2.Core;

namespace Stripe.Connect.Client.Tests.V2;

/// <summary>
/// v2 metadata in a JSON body: keys once each, in ordinal order, the last value of a repeated key winning, null as
/// JSON null (which removes the key), whatever sequence the caller hands in.
/// </summary>
public class V2MetadataEncodingTests
{
    [Test]
    public void A_dictionary_is_written_in_ordinal_key_order_with_null_kept_as_null()
    {
        var body = Encode(new Dictionary<string, string?> { ["b"] = "2", ["a"] = "1", ["B"] = null, ["é"] = "e" });

        Assert.That(body, Is.EqualTo("""{"metadata":{"B":null,"a":"1","b":"2","\u00E9":"e"}}"""));
    }

    [Test]
    public void The_last_value_of_a_repeated_key_wins_in_any_sequence()
    {
        KeyValuePair<string, string?>[] pairs = [new("k", "first"), new("a", "x"), new("k", null), new("k", "last"), new("a", "y")];

        Assert.Multiple(() =>
        {
            Assert.That(Encode(pairs), Is.EqualTo("""{"metadata":{"a":"y","k":"last"}}"""));
            Assert.That(Encode(pairs.Select(p => p)), Is.EqualTo("""{"metadata":{"a":"y","k":"last"}}"""), "a lazy sequence");
        });
    }

    [Test]
    public void A_sequence_longer_than_its_first_guess_is_written_whole()
    {
        // A lazy sequence has no count, so the pooled array starts small and must grow without losing pairs.
        var pairs = Enumerable.Range(0, 40).Select(i => new KeyValuePair<string, string?>(FormattableString.Invariant($"k{i:D2}"), FormattableString.Invariant($"{i}")));

        var body = Encode(pairs);

        Assert.That(body, Is.EqualTo("{\"metadata\":{" + string.Join(",", Enumerable.Range(0, 40).Select(i => FormattableString.Invariant($"\"k{i:D2}\":\"{i}\""))) + "}}"));
    }

    [Test]
    public void Empty_metadata_is_an_empty_object()
    {
        Assert.That(Encode(new Dictionary<string, string?>()), Is.EqualTo("""{"metadata":{}}"""));
    }

    [TestCase("")]
    [TestCase(null)]
    public void An_empty_key_is_refused_naming_metadata(string? key)
    {
        KeyValuePair<string, string?>[] pairs = [new("a", "1"), new(key!, "2")];

        var ex = Assert.Throws<ArgumentException>(() => Encode(pairs));

        Assert.That(ex!.ParamName, Is.EqualTo("metadata"));
    }

    private static string Encode(IEnumerable<KeyValuePair<string, string?>> metadata) =>
        Encoding.UTF8.GetString(RequestPreparer.EncodeJson(new V2Core.AccountUpdateRequest { Metadata = metadata }));
}
