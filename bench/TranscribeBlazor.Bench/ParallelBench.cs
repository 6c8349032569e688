using System.Diagnostics;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Bench;

/// <summary>
/// One long file spread over idle decoders: the product's wall time with 1, 2 and 4 decoders against the
/// bare <c>pocketsphinx_continuous</c> on the same file in the same run, WER beside it, memory per decoder,
/// and how long a second user waits for a first partial while the file runs. <c>BENCH_ONLY=parallel</c>;
/// <c>BENCH_MINUTES=10,60</c> chooses the lengths (10 by default).
/// </summary>
public static class ParallelBench
{
    public static async Task RunAsync(string corpus, string work, double modelLoad, string modelDirectory)
    {
        var minutes = (Environment.GetEnvironmentVariable("BENCH_MINUTES") ?? "10").Split(',').Select(double.Parse).ToList();
        var decoderCounts = (Environment.GetEnvironmentVariable("BENCH_DECODERS") ?? "1,2,4").Split(',').Select(int.Parse).ToList();
        Console.WriteLine("## A long file on several decoders at once");
        Console.WriteLine();
        Console.WriteLine($"Load when starting (`uptime`): {Load()}.");
        Console.WriteLine();
        Console.WriteLine("| file | bare engine | " + string.Join(" | ", decoderCounts.Select(d => $"product, {d} decoder{(d > 1 ? "s" : "")}")) + " | WER bare | " + string.Join(" | ", decoderCounts.Select(d => $"WER {d}")) + " |");
        Console.WriteLine("|---|---|" + string.Concat(decoderCounts.Select(_ => "---|")) + "---|" + string.Concat(decoderCounts.Select(_ => "---|")));
        var memory = new List<string>();
        foreach (double length in minutes)
        {
            var file = LongFiles.Build(corpus, length, work);
            var cpuBefore = ChildrenCpu();
            var bare = BareEngine.Run(file.Path, modelDirectory);
            double bareCpu = ChildrenCpu() - cpuBefore;
            double bareSeconds = bare.Wall.TotalSeconds - modelLoad;
            var cells = new List<string>();
            var wers = new List<string>();
            foreach (int decoders in decoderCounts)
            {
                long before = Rss();
                using var product = new Product(decoders, partialIntervalMilliseconds: 200);
                await product.WarmAsync(decoders);
                long warm = Rss();
                memory.Add($"{decoders} warm decoder{(decoders > 1 ? "s" : "")}: +{(warm - before) / 1e6:0} MB RSS ({(warm - before) / 1e6 / decoders:0} MB each)");
                var run = await product.RunAsync(() => File.OpenRead(file.Path), file.Bytes);
                memory.Add($"{length:0} min on {decoders} decoder{(decoders > 1 ? "s" : "")}: the process used {run.Cpu.TotalSeconds / run.Wall.TotalSeconds:0.00} cores on average");
                cells.Add($"{run.Wall.TotalSeconds:0.0} s (**{run.Wall.TotalSeconds / bareSeconds:0.00}×**; CPU {run.Cpu.TotalSeconds:0} s)");
                wers.Add(Wer(file.Reference, run.Text));
                Console.Error.WriteLine($"{length} min, {decoders} decoders: {run.Wall.TotalSeconds:0.0} s, CPU {run.Cpu.TotalSeconds:0.0} s, {product.Decoders.Created} made, load {Load()}");
            }
            Console.WriteLine($"| {file.Seconds / 60:0.0} min ({file.Bytes / 1e6:0} MB WAV) | {bareSeconds:0.0} s (RTF {bareSeconds / file.Seconds:0.000}; CPU {bareCpu:0} s) | {string.Join(" | ", cells)} | {Wer(file.Reference, bare.Text)} | {string.Join(" | ", wers)} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Bare engine: `pocketsphinx_continuous -infile` wall time minus its model loading ({modelLoad:0.00} s). Ratios are the product's time over the bare engine's. CPU: seconds of processor time used (the process's, or the bare engine's); on a machine shared with other work, wall times move with the load and CPU seconds show the work done. Load when done: {Load()}.");
        Console.WriteLine();
        foreach (var line in memory.Distinct()) Console.WriteLine($"- {line}");
        Console.WriteLine();
        await FairnessAsync(corpus, work);
    }

    /// <summary>
    /// A second user (another client) drops a short file 30 s into someone's long file on a 2-decoder server,
    /// against the same short file on an idle server: time to its first partial and to done.
    /// </summary>
    private static async Task FairnessAsync(string corpus, string work)
    {
        var file = LongFiles.Build(corpus, 10, work);
        var shortFile = BenchAudio.JoinedLibriVox();
        using var product = new Product(decoders: 2, partialIntervalMilliseconds: 200);
        await product.WarmAsync(2);
        var alone = await product.RunAsync(() => new MemoryStream(shortFile.Wav), shortFile.Wav.Length, client: "B");
        double aloneFirst = Stopwatch.GetElapsedTime(alone.Started, alone.Counted.FirstPartialTimestamp).TotalSeconds;

        using var stopA = new CancellationTokenSource();
        var a = product.RunAsync(() => File.OpenRead(file.Path), file.Bytes, client: "A", cancel: stopA.Token);
        await Task.Delay(TimeSpan.FromSeconds(30));
        int borrowedWhenBArrived = product.Borrowed;
        var b = await product.RunAsync(() => new MemoryStream(shortFile.Wav), shortFile.Wav.Length, client: "B");
        double bFirst = Stopwatch.GetElapsedTime(b.Started, b.Counted.FirstPartialTimestamp).TotalSeconds;
        double bGranted = Stopwatch.GetElapsedTime(b.Started, b.Counted.FirstChunkTimestamp).TotalSeconds;
        await stopA.CancelAsync();
        await a;
        Console.WriteLine("### Fairness: a second user while a long file runs (2 decoders, 15 s pieces)");
        Console.WriteLine();
        Console.WriteLine("| second user's file | idle server: first partial, done | 30 s into another client's 10-min file: decoder granted, first partial, done |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| {shortFile.Name} ({shortFile.Seconds:0.0} s) | {aloneFirst:0.00} s, {alone.Wall.TotalSeconds:0.0} s | {bGranted:0.00} s, **{bFirst:0.00} s**, {b.Wall.TotalSeconds:0.0} s |");
        Console.WriteLine();
        Console.WriteLine($"When the second user arrived, {borrowedWhenBArrived} decoder(s) were lent to the long file's pieces. Load: {Load()}.");
        Console.WriteLine();
    }

    private static string Wer(string reference, string hypothesis)
    {
        string r = Normalize(reference), h = Normalize(hypothesis);
        return $"{100.0 * WordErrorRate.Errors(r, h) / WordErrorRate.Words(r).Length:0.0} %";
    }

    private static string Normalize(string text) => new(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ').ToArray());

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ').Take(3) is var l ? string.Join(", ", l) : "";

    /// <summary>CPU seconds (user + system) of this process's finished children: the bare engine's.</summary>
    private static double ChildrenCpu()
    {
        var fields = File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[13]) + long.Parse(fields[14])) / 100.0; // cutime, cstime in clock ticks (100 per second)
    }

    private static long Rss() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:"))["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024;
}
