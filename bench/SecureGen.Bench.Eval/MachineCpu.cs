using System.Globalization;

namespace SecureGen.Bench.Eval;

/// <summary>Busy CPU seconds of the whole machine (all processes, every engineer's), from /proc/stat.</summary>
internal static class MachineCpu
{
    public static double BusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal: everything but idle and iowait.
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7];
        return busy / 100.0;
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
