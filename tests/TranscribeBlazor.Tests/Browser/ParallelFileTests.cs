using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>
/// A long file spread over both recognisers, as a person sees it in Chromium: a partial line while it runs,
/// finals added only in the file's order, progress that only grows, and the whole file transcribed.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class ParallelFileTests(ParallelFileTests.TwoDecoders browser, ITestOutputHelper output) : IClassFixture<ParallelFileTests.TwoDecoders>
{
    // 5 s pieces (the default is 15 s) so that a 90 s file makes enough of them to be spread.
    public sealed class TwoDecoders() : BrowserFixture(new ConfiguredAppServer(new()
    {
        ["Transcription:PocketSphinx:MaxDecoders"] = "2",
        ["Transcription:PocketSphinx:PieceSeconds"] = "5",
    }));

    // Every final added to the list, in the order it was added, as the start of its first word.
    private const string WatchFinals = """
        () => {
          window.__finalsAdded = [];
          const list = document.querySelector('[data-testid=transcript]');
          new MutationObserver(records => {
            for (const r of records) for (const n of r.addedNodes)
              if (n.nodeType === 1 && n.matches('[data-testid=final]')) {
                const w = n.querySelector('[data-start]');
                if (w) window.__finalsAdded.push(parseFloat(w.dataset.start));
              }
          }).observe(list, { childList: true, subtree: true });
        }
        """;

    [BrowserFact]
    public async Task ALongFile_RunsOnBothRecognisers_AndReadsAsOneRecognisersTranscript()
    {
        var once = TestAssets.ReadPcm16(TestAssets.JoinedLibriVoxWav(out var references));
        var wav = WavBuilder.Pcm16([.. once, .. once, .. once], 16_000, 1); // 89 s: the five LibriVox utterances three times, 1 s pauses
        string reference = string.Join(' ', references.Concat(references).Concat(references));

        var page = await browser.NewPageAsync();
        await page.EvaluateAsync(WatchFinals);
        using var http = new HttpClient { BaseAddress = browser.App.BaseAddress };
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload { Name = "long.wav", MimeType = "audio/wav", Buffer = wav });

        int mostLent = 0;
        bool partialSeen = false;
        var processed = new List<double>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the file was not transcribed in 3 minutes");
            using var metrics = JsonDocument.Parse(await http.GetStringAsync("/metrics"));
            mostLent = Math.Max(mostLent, metrics.RootElement.GetProperty("decoders").GetProperty("lent").GetInt32());
            // One look at the page, so that the progress line cannot vanish between finding and reading it.
            var seen = await page.EvaluateAsync<JsonElement>("""
                () => ({ state: document.querySelector('[data-testid=transcript]').dataset.state,
                         partial: document.querySelector('[data-testid=partial]') !== null,
                         progress: document.querySelector('.transcript-progress-text')?.textContent ?? '' })
                """);
            if (seen.GetProperty("state").GetString() == "done") break;
            partialSeen |= seen.GetProperty("partial").GetBoolean();
            if (Seconds(seen.GetProperty("progress").GetString()!) is double done)
            {
                if (done > 30 && processed.All(p => p <= 30)) // once, mid-run, for docs/UI.md
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("parallel-file-running"), FullPage = true });
                processed.Add(done);
            }
            await Task.Delay(100);
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s for 89 s of audio; most lent {mostLent}; progress {string.Join(", ", processed.Distinct().Select(p => p.ToString("0.0", CultureInfo.InvariantCulture)))}");
        Assert.Equal(1, mostLent); // the second recogniser took pieces of the file
        Assert.True(partialSeen, "no partial line was shown while the file ran");
        Assert.Equal(processed.OrderBy(p => p), processed); // progress only grows
        Assert.Contains(processed, p => p > 10 && p < 80); // and is seen in between

        var added = await page.EvaluateAsync<double[]>("() => window.__finalsAdded");
        Assert.Equal(added.OrderBy(a => a), added); // no final was ever put before one already shown
        var starts = await page.Locator("[data-testid=final]").EvaluateAllAsync<double[]>("ls => ls.map(l => parseFloat(l.querySelector('[data-start]')?.dataset.start ?? 'NaN')).filter(s => !isNaN(s))");
        Assert.Equal(added.Length, starts.Length);
        Assert.InRange(starts[^1], 75.0, 89.0); // the last piece's words are at their place in the file

        string text = string.Join(' ', await page.Locator("[data-testid=final] [data-testid=word]").AllInnerTextsAsync());
        double wer = (double)WordErrorRate.Errors(reference, text) / WordErrorRate.Words(reference).Length;
        output.WriteLine($"WER {wer:P1}: {text}");
        Assert.True(wer < 0.45, $"WER {wer:P1}"); // one decoder on this file: ~30 % (20 errors in 71 words per copy)
    }

    /// <summary>"12.3 s of 89.0 s · …" → 12.3.</summary>
    private static double? Seconds(string progress)
    {
        int end = progress.IndexOf(" s", StringComparison.Ordinal);
        return end > 0 && double.TryParse(progress[..end].Split(' ')[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double s) ? s : null;
    }
}
