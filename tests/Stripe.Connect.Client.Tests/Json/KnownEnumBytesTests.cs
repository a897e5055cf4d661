using System.Reflection;
using System.Text;

namespace Stripe.Connect.Client.Tests.Json;

/// <summary>
/// Every generated enum's <c>TryFromKnownUtf8</c> (a switch on the length, then on a telling byte, then a full
/// comparison) finds each of its known values, and nothing else: not a value with one byte changed, cut short or
/// lengthened.
/// </summary>
public class KnownEnumBytesTests
{
    private static readonly Type[] EnumTypes = typeof(StripeEventType).Assembly.GetTypes()
        .Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStripeEnum<>)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    [Test]
    public void The_assembly_has_the_large_enums_the_switch_is_for()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EnumTypes, Has.Length.GreaterThan(100));
            Assert.That(KnownValues<StripeEventType>(), Has.Count.GreaterThan(20));
            Assert.That(KnownValues<Stripe.Connect.Client.V2.Core.IdentityBusinessDetailsIdNumbersType>(), Has.Count.GreaterThan(50));
        });
    }

    [TestCaseSource(nameof(EnumTypes))]
    public void Each_known_value_is_found_from_its_bytes_and_near_misses_are_not(Type enumType)
    {
        var check = typeof(KnownEnumBytesTests).GetMethod(nameof(Mismatches), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(enumType);

        var mismatches = (List<string>)check.Invoke(null, null)!;

        Assert.That(mismatches, Is.Empty);
    }

    private static List<string> Mismatches<T>()
        where T : struct, IStripeEnum<T>
    {
        var known = KnownValues<T>();
        var wires = known.Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
        var mismatches = new List<string>();
        foreach (var value in known)
        {
            var bytes = Encoding.UTF8.GetBytes(value.Value);
            if (!T.TryFromKnownUtf8(bytes, out var found) || !found.Equals(value))
            {
                mismatches.Add($"{value.Value} not found");
            }

            foreach (var nearMiss in NearMisses(bytes))
            {
                var text = Encoding.UTF8.GetString(nearMiss);
                if (T.TryFromKnownUtf8(nearMiss, out var wrong) && !(wires.Contains(text) && wrong.Value == text))
                {
                    mismatches.Add($"'{text}' read as {wrong.Value}");
                }
            }
        }

        return mismatches;
    }

    private static List<T> KnownValues<T>()
        where T : struct, IStripeEnum<T> =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(T))
            .Select(p => (T)p.GetValue(null)!)
            .ToList();

    private static IEnumerable<byte[]> NearMisses(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x20;
            yield return changed;
        }

        if (bytes.Length > 0)
        {
            yield return bytes[..^1];
        }

        yield return [.. bytes, (byte)'x'];
    }
}
