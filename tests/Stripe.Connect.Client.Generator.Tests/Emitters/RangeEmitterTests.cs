using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests.Emitters;

public class RangeEmitterTests
{
    [Test]
    public void A_created_filter_is_a_time_range_with_an_exact_value()
    {
        var result = Run(SpecBuilder.Document(string.Empty));
        Assert.That(File(result, "WidgetListRequest.cs"), Does.Contain("public TimeRangeInput? Created { get; init; }"));
        var range = File(result, "Requests/TimeRangeInput.cs");
        Assert.Multiple(() =>
        {
            Assert.That(range, Does.Contain("public sealed partial record TimeRangeInput"));
            Assert.That(range, Does.Contain("public DateTimeOffset? Exact { get; init; }"));
            Assert.That(range, Does.Contain("public DateTimeOffset? Gte { get; init; }"));
            Assert.That(range, Does.Contain("writer.Add(\"lte\", Lte);"));
            Assert.That(Generated(result, "NumberRangeInput.cs"), Is.False, "only the filters the document uses");
        });
    }
}
