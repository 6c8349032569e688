using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Audio.Ffmpeg;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Engines.PocketSphinx;

namespace TranscribeBlazor.Health;

/// <summary>
/// <c>/readyz</c>: the default engine can start now — for PocketSphinx a decoder is actually created
/// (once; it then waits for the first session) — and ffmpeg is there for compressed files (without
/// it the app still serves WAV: degraded, not down).
/// </summary>
public sealed class ReadinessCheck(EngineCatalog engines, DecoderPool pool, IOptions<AudioInputOptions> audio) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var engine = engines.Default;
        var availability = await engine.CheckAvailabilityAsync(cancellationToken).ConfigureAwait(false);
        if (!availability.IsAvailable)
            return HealthCheckResult.Unhealthy($"{engine.DisplayName}: {availability.Reason}");
        if (engine is PocketSphinxEngine)
        {
            try
            {
                await pool.EnsureOneAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"{engine.DisplayName}: a decoder could not be created ({e.Message})");
            }
        }
        var data = new Dictionary<string, object>
        {
            ["defaultEngine"] = engine.Id,
            ["decoders"] = pool.Created,
            ["decodersIdle"] = pool.Idle,
            ["sessionsWaitingForADecoder"] = pool.Waiting,
        };
        return FfmpegPcmSource.Locate(audio.Value.FfmpegPath) is null
            ? HealthCheckResult.Degraded($"ffmpeg ('{audio.Value.FfmpegPath}') not found: only WAV files can be read", data: data)
            : HealthCheckResult.Healthy($"{engine.DisplayName} ready", data);
    }
}
