using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests.Emitters;

public class ModelFactoryEmitterTests
{
    [Test]
    public void Every_record_has_a_factory_method_with_optional_members_and_its_response()
    {
        var result = Run(SpecBuilder.Document(
            "\"name\": { \"type\": \"string\" }, \"count\": { \"type\": \"integer\" }",
            required: "\"id\", \"name\", \"count\", \"object\""));
        var factory = File(result, "Models/ConnectModelFactory.cs");
        Assert.Multiple(() =>
        {
            Assert.That(factory, Does.Contain("public static partial class ConnectModelFactory"));
            Assert.That(factory, Does.Contain("public static Widget Widget(long count = default, string? id = null, string? name = null, StripeResponse? stripeResponse = null) => new()"));
            Assert.That(factory, Does.Contain("Name = name!,"), "a never-null member's setter turns null into its default");
            Assert.That(factory, Does.Contain("StripeResponse = stripeResponse,"));
            Assert.That(factory, Does.Not.Contain("@object"), "a fixed object name is the record's own");
            Assert.That(factory, Does.Contain("public static DeletedWidget DeletedWidget("));
        });
    }
}
