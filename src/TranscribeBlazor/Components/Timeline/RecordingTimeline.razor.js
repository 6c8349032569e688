// The recording timeline's browser side: where along it a click landed, and keys that seek instead of scrolling the page.
const seekKeys = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End"]);

export function attachTimeline(element) {
  element.addEventListener("keydown", e => { if (seekKeys.has(e.key)) e.preventDefault(); });
}

// 0..1: how far along the element's width clientX is.
export function fractionAt(element, clientX) {
  const box = element.getBoundingClientRect();
  return box.width > 0 ? Math.min(1, Math.max(0, (clientX - box.left) / box.width)) : 0;
}
