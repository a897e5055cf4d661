using System.Globalization;
using System.Text;

namespace Stripe.Connect.Client.ColdStart;

/// <summary>Medians per contender as a Markdown table, with ratios against Stripe.net and the floor.</summary>
internal static class Report
{
    public static string Markdown(IReadOnlyDictionary<FirstCall, List<Sample>> samples, string stripeNet, string floor)
    {
        var byName = samples.ToDictionary(s => s.Key.Name, s => s.Value);
        double Median(string name, Func<Sample, double> pick) => MedianOf(byName[name].Select(pick));

        var text = new StringBuilder();
        text.AppendLine("| Contender | Processes | First call, median (ms) | min-max (ms) | Process start to exit, median (ms) | vs Stripe.net | vs floor | Methods JIT-compiled | JIT time (ms) | Assemblies loaded |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (contender, list) in samples)
        {
            var first = MedianOf(list.Select(s => s.FirstCallMilliseconds));
            var whole = MedianOf(list.Select(s => s.ProcessMilliseconds));
            var vsStripeNet = byName.ContainsKey(stripeNet) ? Median(stripeNet, s => s.FirstCallMilliseconds) / first : double.NaN;
            var vsFloor = byName.ContainsKey(floor) ? first / Median(floor, s => s.FirstCallMilliseconds) : double.NaN;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {contender.Description} | {list.Count} | {first:F1} | {list.Min(s => s.FirstCallMilliseconds):F1}-{list.Max(s => s.FirstCallMilliseconds):F1} | {whole:F0} | {vsStripeNet:F2}x faster | {vsFloor:F2}x the floor | {MedianOf(list.Select(s => (double)s.JitMethods)):F0} | {MedianOf(list.Select(s => s.JitMilliseconds)):F0} | {MedianOf(list.Select(s => (double)s.Assemblies)):F0} |");
        }

        return text.ToString();
    }

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
