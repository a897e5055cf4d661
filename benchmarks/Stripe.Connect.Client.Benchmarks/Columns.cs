using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>Adds time and allocated bytes per item (per operation divided by the <c>Count</c> parameter).</summary>
public sealed class PerItemConfig : ManualConfig
{
    public PerItemConfig()
    {
        AddColumn(new DerivedColumn("Time/item", "Mean divided by Count", (report, count) => report.ResultStatistics is { } s ? Ns(s.Mean / count) : "-"));
        AddColumn(new DerivedColumn("Alloc/item", "Allocated bytes divided by Count", (report, count) =>
            report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } bytes
                ? (bytes / (double)count).ToString("N0", CultureInfo.InvariantCulture) + " B"
                : "-"));
    }

    private static string Ns(double ns) => ns >= 1000
        ? (ns / 1000).ToString("N2", CultureInfo.InvariantCulture) + " μs"
        : ns.ToString("N1", CultureInfo.InvariantCulture) + " ns";
}

/// <summary>Adds calls per second (the inverse of the per-call mean).</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() =>
        AddColumn(new DerivedColumn("Calls/s", "Calls per second: 1 / Mean", (report, _) =>
            report.ResultStatistics is { } s ? (1e9 / s.Mean).ToString("N0", CultureInfo.InvariantCulture) : "-"));
}

internal sealed class DerivedColumn(string name, string legend, Func<BenchmarkReport, int, string> value) : IColumn
{
    public string Id => "Derived." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report is null)
        {
            return "-";
        }

        var count = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Count")?.Value is int c ? c : 1;
        return value(report, count);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
