// AudioWorklet processor for live recording: mixes the microphone down to mono, resamples it to the
// engine's rate (16 kHz) with a windowed-sinc low-pass, converts to 16-bit and posts ~100 ms batches
// to the page. It runs on the browser's audio thread, so it allocates nothing per render quantum
// beyond the batch it hands over.

// Half the number of input taps either side of an output sample; 16 keeps aliasing well under the speech band.
const HALF_TAPS = 16;

// Fractional positions are rounded to one of this many phases, each with its own precomputed taps.
const PHASES = 512;

/** Turns a float stream at inputRate into Int16 samples at outputRate. Pure, so it can be tested outside a worklet. */
export class Resampler {
  constructor(inputRate, outputRate) {
    this.step = inputRate / outputRate;
    // Cut just below the lower Nyquist frequency; the Blackman window keeps the stop band below -70 dB.
    this.cutoff = Math.min(1, outputRate / inputRate) * 0.92;
    this.width = Math.ceil(HALF_TAPS / this.cutoff);
    this.taps = new Array(PHASES + 1); // filled on first use: 48 kHz → 16 kHz only ever needs phase 0
    this.history = new Float32Array(4096 + 4 * this.width);
    // Zeros before the first sample, so output sample 0 is centred on input sample 0.
    this.length = this.width;
    this.position = this.width; // where the next output sample falls, in history's input samples
  }

  /** Appends input and writes as many output samples as it allows into out; returns how many. */
  push(input, out) {
    if (this.length + input.length > this.history.length) this.compact(input.length);
    this.history.set(input, this.length);
    this.length += input.length;
    let written = 0;
    while (written < out.length && this.position + this.width < this.length) {
      out[written++] = this.sampleAt(this.position);
      this.position += this.step;
    }
    return written;
  }

  sampleAt(position) {
    const centre = Math.floor(position);
    const phase = Math.round((position - centre) * PHASES);
    const taps = this.taps[phase] ??= this.design(phase / PHASES);
    let sum = 0;
    for (let k = 0, at = centre - this.width + 1; k < taps.length; k++, at++) sum += this.history[at] * taps[k];
    const value = Math.max(-1, Math.min(1, sum));
    return value < 0 ? Math.round(value * 32768) : Math.round(value * 32767);
  }

  // Blackman-windowed sinc taps for input samples centre-width+1 … centre+width, normalised to unit gain.
  design(fraction) {
    const taps = new Float32Array(2 * this.width);
    let total = 0;
    for (let k = -this.width + 1; k <= this.width; k++) {
      const t = k - fraction;
      const x = t * this.cutoff;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const window = Math.abs(t) >= this.width ? 0
        : 0.42 + 0.5 * Math.cos(Math.PI * t / this.width) + 0.08 * Math.cos(2 * Math.PI * t / this.width);
      taps[k + this.width - 1] = sinc * window;
      total += sinc * window;
    }
    for (let k = 0; k < taps.length; k++) taps[k] /= total;
    return taps;
  }

  // Drops input no future output sample reaches back to (and grows the buffer if one push is larger than it).
  compact(incoming) {
    const keep = Math.max(0, Math.floor(this.position) - this.width);
    this.history.copyWithin(0, keep, this.length);
    this.length -= keep;
    this.position -= keep;
    if (this.length + incoming > this.history.length) {
      const larger = new Float32Array(2 * (this.length + incoming));
      larger.set(this.history.subarray(0, this.length));
      this.history = larger;
    }
  }
}

if (typeof registerProcessor === "function") {
  registerProcessor("pcm-capture", class extends AudioWorkletProcessor {
    constructor(options) {
      super();
      const { outputRate, batchSamples } = options.processorOptions;
      this.resampler = new Resampler(sampleRate, outputRate);
      this.batch = new Int16Array(batchSamples);
      this.filled = 0;
      this.mono = new Float32Array(128);
      this.stopped = false;
      this.port.onmessage = ({ data }) => {
        if (data !== "flush") return;
        this.send();
        this.stopped = true;
        this.port.postMessage({ flushed: true });
      };
    }

    process(inputs) {
      if (this.stopped) return false;
      const channels = inputs[0];
      if (!channels || channels.length === 0) return true;
      const frames = channels[0].length;
      if (this.mono.length < frames) this.mono = new Float32Array(frames);
      for (let i = 0; i < frames; i++) {
        let sum = 0;
        for (let c = 0; c < channels.length; c++) sum += channels[c][i];
        this.mono[i] = sum / channels.length;
      }
      let input = this.mono.subarray(0, frames);
      // The resampler may owe more output than fits in the batch: fill, send, continue with no new input.
      for (;;) {
        this.filled += this.resampler.push(input, this.batch.subarray(this.filled));
        if (this.filled < this.batch.length) break;
        this.send();
        input = input.subarray(0, 0);
      }
      return true;
    }

    send() {
      if (this.filled === 0) return;
      const samples = this.batch.slice(0, this.filled);
      this.filled = 0;
      this.port.postMessage({ samples }, [samples.buffer]);
    }
  });
}
