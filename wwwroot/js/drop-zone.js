// The drop zone's file inputs: MudFileUpload hides each used input (d-none) and adds a fresh one.

// After a choice the focused input is hidden; focus moves to the fresh one so Enter/Space work again.
export function focusFreshInput(zone) {
  const fresh = zone && zone.querySelector("input[type=file]:not(.d-none)");
  if (fresh) fresh.focus();
}

// Whether keyboard focus is in the zone (or was lost with a removed input, which leaves it on the body).
export function holdsFocus(zone) {
  const active = document.activeElement;
  return !!zone && (!active || active === document.body || zone.contains(active));
}

// files[index] of the input that took drop number `batch` (inputs stay in the order they were used).
export function fileOf(zone, batch, index) {
  const input = zone && zone.querySelectorAll("input[type=file]")[batch];
  return (input && input.files && input.files[index]) || null;
}
