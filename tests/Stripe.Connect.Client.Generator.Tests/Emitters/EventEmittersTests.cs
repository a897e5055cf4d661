using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests.Emitters;

/// <summary><c>StripeEventType</c> and the event object table, from the event facts of a small document.</summary>
public class EventEmittersTests
{
    private static GenerationResult WithEvents() =>
        Run(SpecBuilder.Document(string.Empty), events: Events("widget", "widget.updated", "widget.created") + string.Empty);

    [Test]
    public void Event_types_come_from_the_event_facts_with_the_record_they_carry()
    {
        var type = File(WithEvents(), "Events/StripeEventType.cs");
        Assert.Multiple(() =>
        {
            Assert.That(type, Does.Contain("public readonly partial struct StripeEventType : IStripeEnum<StripeEventType>"));
            Assert.That(type, Does.Contain("public static StripeEventType WidgetCreated { get; } = new(\"widget.created\");"));
            Assert.That(type, Does.Contain("public static StripeEventType WidgetUpdated { get; } = new(\"widget.updated\");"));
            Assert.That(type, Does.Contain("(<see cref=\"Widget\"/>)"), "each type says which record its data.object is");
            Assert.That(type, Does.Contain("\"widget.created\" => WidgetCreated,"));
            Assert.That(type.IndexOf("WidgetCreated {", StringComparison.Ordinal), Is.LessThan(type.IndexOf("WidgetUpdated {", StringComparison.Ordinal)), "in wire order");
        });
    }

    [Test]
    public void Without_event_facts_no_event_type_is_generated()
    {
        Assert.That(Generated(Run(SpecBuilder.Document(string.Empty)), "StripeEventType.cs"), Is.False);
    }

    [Test]
    public void The_object_table_maps_resources_and_their_deleted_forms()
    {
        var table = File(WithEvents(), "Events/EventObjectTypes.cs");
        Assert.Multiple(() =>
        {
            Assert.That(table, Does.Contain("internal static class EventObjectTypes"));
            Assert.That(table, Does.Contain("\"widget\" => context.Widget,"));
            Assert.That(table, Does.Contain("\"widget\" => context.DeletedWidget,"), "deleted_widget is the deleted form");
        });
    }
}
