using Stripe.Connect.Client.Form;

namespace Stripe.Connect.Client.Tests.Runtime;

public class FormEncodingTests
{
    private sealed record Address(string? Line1, string? City) : IFormEncodable
    {
        void IFormEncodable.WriteForm(FormWriter writer)
        {
            writer.Add("line1", Line1);
            writer.Add("city", City);
        }
    }

    private sealed record Item(string Price, long Quantity) : IFormEncodable
    {
        void IFormEncodable.WriteForm(FormWriter writer)
        {
            writer.Add("price", Price);
            writer.Add("quantity", Quantity);
        }
    }

    private sealed record Sample : IFormEncodable
    {
        public string? Name { get; init; }
        public Address? Address { get; init; }
        public IReadOnlyList<Item>? Items { get; init; }
        public IReadOnlyList<string>? Expand { get; init; }
        public IReadOnlyDictionary<string, string>? Metadata { get; init; }
        public bool? Enabled { get; init; }
        public DateTimeOffset? At { get; init; }
        public AccountLinkType? Type { get; init; }
        public Emptyable<string>? Description { get; init; }
        public decimal? Percent { get; init; }

        void IFormEncodable.WriteForm(FormWriter writer)
        {
            writer.Add("name", Name);
            if (Address is { } address)
            {
                writer.BeginObject("address");
                ((IFormEncodable)address).WriteForm(writer);
                writer.EndObject();
            }

            if (Items is { } items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    writer.BeginListItem("items", i);
                    ((IFormEncodable)items[i]).WriteForm(writer);
                    writer.EndObject();
                }
            }

            writer.AddList("expand", Expand);
            writer.AddMap("metadata", Metadata);
            writer.Add("enabled", Enabled);
            writer.Add("at", At);
            writer.Add("type", Type);
            if (Description is { } description)
            {
                if (description.IsEmpty)
                {
                    writer.AddEmpty("description");
                }
                else
                {
                    writer.Add("description", description.Value);
                }
            }

            writer.Add("percent", Percent);
        }
    }

    private static string Encode(IFormEncodable value)
    {
        using var writer = new FormWriter(4);
        value.WriteForm(writer);
        return Uri.UnescapeDataString(writer.ToString());
    }

    [Test]
    public void A_reused_writer_starts_empty_even_after_a_call_that_failed_mid_object()
    {
        using (var failed = FormWriter.Rent())
        {
            failed.BeginObject("company");
            failed.Add("name", "Secret Ltd");
            Assert.Throws<ArgumentException>(() => failed.Require("tax_id", present: false));
        }

        using var next = FormWriter.Rent();
        next.Add("type", "express");

        Assert.That(next.ToString(), Is.EqualTo("type=express"));
    }

    [Test]
    public void Disposing_a_writer_twice_does_not_hand_it_out_twice()
    {
        var writer = FormWriter.Rent();
        writer.Dispose();
        writer.Dispose();

        // A second dispose must not give the parked writer's buffers back to the pool behind its back.
        using var first = FormWriter.Rent();
        first.BeginObject("metadata");
        first.Add("order", "42");
        first.EndObject();
        using var second = FormWriter.Rent();

        Assert.Multiple(() =>
        {
            Assert.That(first.ToString(), Is.EqualTo("metadata[order]=42"));
            Assert.That(second, Is.Not.SameAs(first));
        });
    }

    [Test]
    public void Nested_objects_use_brackets() =>
        Assert.That(Encode(new Sample { Address = new Address("1 Main St", "Paris") }), Is.EqualTo("address[line1]=1 Main St&address[city]=Paris"));

    [Test]
    public void Lists_of_objects_are_indexed() =>
        Assert.That(Encode(new Sample { Items = [new Item("price_1", 2), new Item("price_2", 1)] }), Is.EqualTo("items[0][price]=price_1&items[0][quantity]=2&items[1][price]=price_2&items[1][quantity]=1"));

    [Test]
    public void Expand_uses_empty_brackets() =>
        Assert.That(Encode(new Sample { Expand = ["external_accounts", "individual.verification"] }), Is.EqualTo("expand[]=external_accounts&expand[]=individual.verification"));

    [Test]
    public void Metadata_keys_are_sorted_and_escaped()
    {
        using var writer = new FormWriter();
        ((IFormEncodable)new Sample { Metadata = new Dictionary<string, string> { ["zeta"] = "1", ["alpha & co"] = "a=b" } }).WriteForm(writer);

        Assert.That(writer.ToString(), Is.EqualTo("metadata[alpha%20%26%20co]=a%3Db&metadata[zeta]=1"));
    }

    [Test]
    public void Booleans_are_lowercase() =>
        Assert.That(Encode(new Sample { Enabled = false }), Is.EqualTo("enabled=false"));

    [Test]
    public void Timestamps_are_unix_seconds() =>
        Assert.That(Encode(new Sample { At = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero) }), Is.EqualTo("at=1795651200"));

    [Test]
    public void Enums_use_their_wire_string() =>
        Assert.That(Encode(new Sample { Type = AccountLinkType.AccountUpdate }), Is.EqualTo("type=account_update"));

    [Test]
    public void Null_means_not_sent_and_Empty_sends_an_empty_value()
    {
        Assert.That(Encode(new Sample()), Is.Empty);
        Assert.That(Encode(new Sample { Description = Emptyable<string>.Empty }), Is.EqualTo("description="));
        Assert.That(Encode(new Sample { Description = "hello" }), Is.EqualTo("description=hello"));
    }

    [Test]
    public void Decimals_use_the_invariant_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
        try
        {
            Assert.That(Encode(new Sample { Percent = 12.5m }), Is.EqualTo("percent=12.5"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Test]
    public void Values_are_percent_encoded_as_utf8()
    {
        using var writer = new FormWriter();
        ((IFormEncodable)new Sample { Name = "Zoë & Co+ 100%" }).WriteForm(writer);

        Assert.That(writer.ToString(), Is.EqualTo("name=Zo%C3%AB%20%26%20Co%2B%20100%25"));
    }

    [Test]
    public void Output_is_deterministic_and_grows_past_the_pooled_buffer()
    {
        var many = Enumerable.Range(0, 500).ToDictionary(i => "k" + i, i => new string('v', 20));
        var first = Encode(new Sample { Metadata = many });
        var second = Encode(new Sample { Metadata = many.Reverse().ToDictionary() });

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Split('&'), Has.Length.EqualTo(500));
    }
}
