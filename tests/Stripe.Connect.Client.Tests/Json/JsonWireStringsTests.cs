using System.Text;
using System.Text.Json;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client.Tests.Json;

/// <summary>Numbers sent as strings (v2's decimal and int64 strings, v1's <c>*_decimal</c> fields).</summary>
public class JsonWireStringsTests
{
    private delegate T ReadValue<T>(ref Utf8JsonReader reader);

    private static T Read<T>(string json, ReadValue<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [TestCase("\"12.5\"", "12.5")]
    [TestCase("\"-0.000001\"", "-0.000001")]
    [TestCase("\"79228162514264337593543950335\"", "79228162514264337593543950335")]
    [TestCase("3.25", "3.25")]
    public void Decimal_strings_read_without_losing_digits(string json, string expected) =>
        Assert.That(Read(json, JsonWireStrings.ReadDecimal), Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void Int64_strings_read_beyond_what_a_double_holds_and_write_back_as_strings()
    {
        Assert.That(Read("\"9007199254740993\"", JsonWireStrings.ReadInt64), Is.EqualTo(9007199254740993L));
        Assert.That(Write(w => JsonWireStrings.WriteInt64(w, long.MaxValue)), Is.EqualTo("\"9223372036854775807\""));
        Assert.That(Write(w => JsonWireStrings.WriteDecimal(w, 12.50m)), Is.EqualTo("\"12.50\""));
    }

    [TestCase("\"12,5\"")]
    [TestCase("\"\"")]
    [TestCase("true")]
    public void Anything_else_is_a_json_exception(string json) =>
        Assert.That(() => Read(json, JsonWireStrings.ReadDecimal), Throws.InstanceOf<JsonException>());
}
