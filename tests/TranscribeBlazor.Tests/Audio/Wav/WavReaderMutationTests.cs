using TranscribeBlazor.Audio;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Audio.Wav;

/// <summary>
/// Thousands of WAV files with mutated headers (fixed seed, so a failure reproduces): the reader
/// either reads them or refuses them with <see cref="AudioFormatException"/>, never anything else,
/// never hangs, and never allocates far beyond the file's own size.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public sealed class WavReaderMutationTests
{
    private const int Cases = 5_000;
    private const long AllocationBound = 4 * 1024 * 1024;

    [Fact]
    public async Task MutatedHeaders_OnlyEverFailWithOurTypedError()
    {
        var random = new Random(20261121);
        var seeds = new[]
        {
            WavBuilder.Pcm16(Signals.Tone(300, 16_000, 0.05), 16_000, 1),
            new WavBuilder().Chunk("LIST", new byte[26]).Fmt(1, 2, 44_100, 16).Chunk("fact", new byte[4]).Data(Signals.Tone(300, 44_100, 0.02, channels: 2)).Build(),
            new WavBuilder().FmtExtensible(3, 2, 48_000, 32).Data(new short[400]).Build(),
            new WavBuilder().Fmt(7, 1, 8_000, 8).Data(new short[200]).Build(),
        };
        int accepted = 0, refused = 0;
        for (int n = 0; n < Cases; n++)
        {
            var file = (byte[])seeds[n % seeds.Length].Clone();
            int mutations = 1 + random.Next(4);
            for (int m = 0; m < mutations; m++)
            {
                int at = random.Next(Math.Min(file.Length, 80)); // the header and the first chunk sizes
                file[at] = random.Next(3) switch { 0 => (byte)random.Next(256), 1 => 0xFF, _ => 0x00 };
            }
            if (random.Next(10) == 0) file = file[..random.Next(file.Length)];

            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                await ReadAllAsync(file).WaitAsync(TimeSpan.FromSeconds(5));
                accepted++;
            }
            catch (AudioFormatException)
            {
                refused++;
            }
            catch (TimeoutException)
            {
                Assert.Fail($"case {n} hung");
            }
            catch (Exception e)
            {
                Assert.Fail($"case {n}: {e.GetType().Name}: {e.Message} (bytes {Convert.ToHexString(file.AsSpan(0, Math.Min(64, file.Length)))})");
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < AllocationBound, $"case {n} allocated {allocated} bytes");
        }
        Assert.True(accepted > Cases / 20 && refused > Cases / 20, $"accepted {accepted}, refused {refused}: mutations should exercise both paths");
    }

    private static async Task ReadAllAsync(byte[] file)
    {
        await using var reader = await EngineAudioReader.OpenAsync(new MemoryStream(file), 16_000, AudioInputOptions.Default);
        await foreach (var _ in reader.ReadChunksAsync()) { }
    }
}
