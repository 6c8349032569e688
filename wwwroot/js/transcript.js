// Browser-side helpers for the transcript page, called through JS interop: file downloads, the clipboard, the player.
import { fileOf } from "./drop-zone.js";

export function download(fileName, mediaType, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no permission, or not a secure context: the caller says so
  }
}

// The player: the audio element plays a file the user picked, straight from its file input, so
// nothing is uploaded twice. Play position goes to .NET a few times a second; .NET decides which word is lit.
export function attachPlayer(audio, dotnet) {
  let last = 0;
  const report = () => {
    const now = performance.now();
    if (now - last < 100) return;
    last = now;
    dotnet.invokeMethodAsync("OnPlayerTime", audio.currentTime);
  };
  audio.addEventListener("timeupdate", report);
  audio.addEventListener("seeked", () => { last = 0; report(); });
  audio.addEventListener("loadedmetadata", () => dotnet.invokeMethodAsync("OnPlayerDuration", isFinite(audio.duration) ? audio.duration : 0));
  // A file the server transcribes but the browser cannot play (WMA, AMR, AIFF, CAF...): .NET hides the player.
  audio.addEventListener("error", () => { if (audio.getAttribute("src")) dotnet.invokeMethodAsync("OnPlayerCannotPlay"); });
}

// Points the player at a dropped file (drop `batch`, its files[index]) or at nothing; true when there is a file to play.
export function playFile(audio, zone, batch, index) {
  if (audio.src) URL.revokeObjectURL(audio.src);
  const file = fileOf(zone, batch, index);
  if (file) audio.src = URL.createObjectURL(file); else audio.removeAttribute("src");
  return !!file;
}

export function seek(audio, seconds) {
  audio.currentTime = seconds;
}

export function scrollIntoView(selector) {
  const element = document.querySelector(selector);
  if (element) element.scrollIntoView({ block: "nearest", behavior: "smooth" });
}

// A line being corrected: Enter saves (the component hears the key) rather than breaking the line;
// Shift+Enter still breaks it, which splits the line there. Only the default is stopped here, in the
// browser, because Blazor cannot decide per key whether to prevent it.
document.addEventListener("keydown", e => {
  if (e.key === "Enter" && !e.shiftKey && e.target instanceof HTMLTextAreaElement && e.target.classList.contains("line-editor")) e.preventDefault();
}, true);
