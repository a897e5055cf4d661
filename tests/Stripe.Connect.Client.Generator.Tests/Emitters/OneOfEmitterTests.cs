using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests.Emitters;

public class OneOfEmitterTests
{
    [Test]
    public void A_parameter_of_several_shapes_has_one_member_per_shape_and_converts_from_each()
    {
        var result = Run(SpecBuilder.Document(string.Empty, createBody: """
            { "properties": { "source": { "anyOf": [ { "type": "object", "properties": { "object": { "type": "string", "enum": ["card"] }, "number": { "type": "string" } } }, { "type": "string" } ] } } }
            """));
        Assert.That(File(result, "WidgetCreateRequest.cs"), Does.Contain("public WidgetSourceInput? Source { get; init; }"));
        var oneOf = File(result, "Requests/WidgetSourceInput.cs");
        Assert.Multiple(() =>
        {
            Assert.That(oneOf, Does.Contain("public WidgetSourceCardInput? Card { get; init; }"), "an object alternative is named after its record");
            Assert.That(oneOf, Does.Contain("public string? Value { get; init; }"));
            Assert.That(oneOf, Does.Contain("public static implicit operator WidgetSourceInput(string value) => new() { Value = value };"));
            Assert.That(oneOf, Does.Contain("public static implicit operator WidgetSourceInput(WidgetSourceCardInput value) => new() { Card = value };"));
            Assert.That(oneOf, Does.Contain("internal void WriteForm(FormWriter writer, string key)"));
        });
    }
}
