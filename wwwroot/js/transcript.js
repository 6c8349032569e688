// Browser-side helpers for the transcript page, called through JS interop: file downloads and the clipboard.

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

// The player: the audio element plays the file the user picked, straight from the file input.
// Play position goes to .NET a few times a second; .NET decides which word is lit.
export function attachPlayer(input, audio, dotnet) {
  let url = null;
  input.addEventListener("change", () => {
    if (url) URL.revokeObjectURL(url);
    const file = input.files && input.files[0];
    url = file ? URL.createObjectURL(file) : null;
    if (url) audio.src = url; else audio.removeAttribute("src");
    dotnet.invokeMethodAsync("OnPlayerSource", !!url);
  });
  let last = 0;
  const report = () => {
    const now = performance.now();
    if (now - last < 100) return;
    last = now;
    dotnet.invokeMethodAsync("OnPlayerTime", audio.currentTime);
  };
  audio.addEventListener("timeupdate", report);
  audio.addEventListener("seeked", () => { last = 0; report(); });
}

export function seek(audio, seconds) {
  audio.currentTime = seconds;
}

export function scrollIntoView(selector) {
  const element = document.querySelector(selector);
  if (element) element.scrollIntoView({ block: "nearest", behavior: "smooth" });
}
