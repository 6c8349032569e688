// Live recording: the microphone → AudioWorklet (16 kHz mono 16-bit, ~100 ms batches) → .NET over the
// circuit's own connection (JS interop), one call in flight at a time. What the server has not yet
// taken waits here and is reported with each call; past maxBacklogSeconds recording stops and the
// server is told why, so memory never grows without the user knowing. The samples sent are also kept
// so the recording can be played back with its words lit, exactly as transcribed.

const OUTPUT_RATE = 16000;
const MAX_CALL_SAMPLES = OUTPUT_RATE / 2; // half a second per call keeps each message well under the circuit's 32 KB limit

let current = null;

/** Why recording cannot start here, before anyone asks for the microphone; null when it can. */
export function problem() {
  if (!window.isSecureContext) return "insecure";
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof AudioWorkletNode !== "function") return "unsupported";
  return null;
}

/**
 * Asks for the microphone and starts capturing. Resolves to { problem: null, clock } once audio flows,
 * or to { problem, detail } ("denied", "no-device", "unavailable", "insecure", "unsupported", "failed").
 */
export async function start(dotnet, options) {
  if (current) await stop();
  const cannot = problem();
  if (cannot) return { problem: cannot, detail: null };
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1 } });
  } catch (e) {
    return { problem: problemOf(e), detail: `${e.name}: ${e.message}` };
  }
  const recording = new Recording(dotnet, stream, options);
  try {
    await recording.open();
  } catch (e) {
    recording.close();
    return { problem: "failed", detail: `${e.name}: ${e.message}` };
  }
  current = recording;
  return { problem: null, clock: new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) };
}

/** Stops capturing, sends what is left and resolves once the server has it (or gave up). */
export async function stop() {
  const recording = current;
  current = null;
  if (recording) await recording.finish(null);
}

/** Points the player at the last recording (as a WAV file); true when there is one to play. */
export function play(audio) {
  if (audio.src) URL.revokeObjectURL(audio.src);
  const wav = lastRecording ? encodeWav(lastRecording) : null;
  if (wav) audio.src = URL.createObjectURL(wav); else audio.removeAttribute("src");
  return !!wav;
}

let lastRecording = null;

function problemOf(error) {
  switch (error.name) {
    case "NotAllowedError":
    case "SecurityError":
      return "denied";
    case "NotFoundError":
    case "OverconstrainedError":
      return "no-device";
    case "NotReadableError":
    case "AbortError":
      return "unavailable";
    default:
      return "failed";
  }
}

class Recording {
  constructor(dotnet, stream, options) {
    this.dotnet = dotnet;
    this.stream = stream;
    this.maxBacklog = options.maxBacklogSeconds * OUTPUT_RATE;
    this.keepLimit = options.maxKeptSeconds * OUTPUT_RATE;
    this.queue = [];      // batches captured, not yet sent
    this.queued = 0;      // samples in queue
    this.kept = [];       // batches sent, for playback
    this.keptSamples = 0;
    this.sending = null;  // the call in flight
    this.refused = false; // the server took no more (or the circuit went)
    this.ended = false;
  }

  async open() {
    this.context = new AudioContext({ latencyHint: "interactive" });
    await this.context.audioWorklet.addModule(new URL("./pcm-capture.worklet.js", import.meta.url));
    this.source = this.context.createMediaStreamSource(this.stream);
    this.node = new AudioWorkletNode(this.context, "pcm-capture", {
      numberOfOutputs: 0,
      processorOptions: { outputRate: OUTPUT_RATE, batchSamples: OUTPUT_RATE / 10 },
    });
    this.node.port.onmessage = ({ data }) => {
      if (data.samples) this.capture(data.samples);
      if (data.flushed && this.flushed) this.flushed();
    };
    this.source.connect(this.node);
    for (const track of this.stream.getAudioTracks())
      track.addEventListener("ended", () => this.finish("disconnected"));
    await this.context.resume();
    lastRecording = null;
  }

  capture(samples) {
    if (this.ended && !this.flushing) return;
    this.queue.push(samples);
    this.queued += samples.length;
    if (this.queued > this.maxBacklog && !this.ended) {
      this.finish("behind");
      return;
    }
    this.pump();
    this.reportBacklog();
  }

  // While the server holds a call back, tell it (a few times a second) how much is waiting here, so the page can say so.
  reportBacklog() {
    const now = performance.now();
    if (!this.sending || this.queued < OUTPUT_RATE / 2 || now - (this.reported || 0) < 250) return;
    this.reported = now;
    this.dotnet.invokeMethodAsync("OnMicrophoneBacklog", this.queued / OUTPUT_RATE).catch(() => {});
  }

  // Sends whatever has been captured, one call at a time: a slow server makes the queue, not the calls, grow.
  pump() {
    if (this.sending || this.refused || this.queue.length === 0) return this.sending;
    const batch = take(this.queue, MAX_CALL_SAMPLES);
    this.queued -= batch.length;
    this.keep(batch);
    const bytes = new Uint8Array(batch.buffer, batch.byteOffset, batch.byteLength); // little-endian on every browser platform
    this.sending = this.dotnet.invokeMethodAsync("OnMicrophoneAudio", bytes, this.queued / OUTPUT_RATE)
      .then(accepted => {
        this.sending = null;
        if (accepted) return this.pump();
        this.refused = true; // the server ended the recording (limit reached, run cancelled)
        this.finish(null, false);
      }, () => {
        this.sending = null;
        this.refused = true;
        this.finish(null, false); // the circuit is gone: nothing left to tell
      });
    return this.sending;
  }

  keep(batch) {
    if (this.keptSamples >= this.keepLimit) return;
    this.kept.push(batch);
    this.keptSamples += batch.length;
  }

  /** Stops capture; sends what is left unless the server has gone; tells .NET why it ended unless it asked. */
  async finish(reason, send = true) {
    if (this.ended) return this.done;
    this.ended = true;
    this.done = (async () => {
      if (send) {
        // The worklet holds up to 100 ms not yet batched: have it send that first.
        this.flushing = true;
        await Promise.race([
          new Promise(resolve => { this.flushed = resolve; this.node.port.postMessage("flush"); }),
          delay(500),
        ]);
        this.flushing = false;
      }
      this.close();
      if (reason === "behind") {
        this.queue = []; // what the server could not take is given up, as the user is told
        this.queued = 0;
      }
      if (send && reason !== "behind") {
        while ((this.queue.length > 0 && !this.refused) || this.sending) await this.pump();
      }
      lastRecording = { batches: this.kept, samples: this.keptSamples };
      if (reason) await this.dotnet.invokeMethodAsync("OnMicrophoneEnded", reason).catch(() => {});
    })();
    if (current === this) current = null;
    return this.done;
  }

  close() {
    for (const track of this.stream.getTracks()) track.stop();
    if (this.source) this.source.disconnect();
    if (this.context && this.context.state !== "closed") this.context.close();
  }
}

function take(queue, max) {
  let count = 0;
  let n = 0;
  while (n < queue.length && count + queue[n].length <= max) count += queue[n++].length;
  if (n === 0) n = 1, count = queue[0].length;
  if (n === 1) return queue.shift();
  const joined = new Int16Array(count);
  let at = 0;
  for (const part of queue.splice(0, n)) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

function delay(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

function encodeWav({ batches, samples }) {
  if (samples === 0) return null;
  const header = new DataView(new ArrayBuffer(44));
  const text = (at, s) => { for (let i = 0; i < s.length; i++) header.setUint8(at + i, s.charCodeAt(i)); };
  text(0, "RIFF");
  header.setUint32(4, 36 + samples * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true);                 // PCM
  header.setUint16(22, 1, true);                 // mono
  header.setUint32(24, OUTPUT_RATE, true);
  header.setUint32(28, OUTPUT_RATE * 2, true);   // bytes per second
  header.setUint16(32, 2, true);                 // bytes per frame
  header.setUint16(34, 16, true);                // bits per sample
  text(36, "data");
  header.setUint32(40, samples * 2, true);
  return new Blob([header, ...batches], { type: "audio/wav" });
}
