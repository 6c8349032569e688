// localStorage for the server, moved in slices. Blazor accepts at most 32 KB in one message from the
// browser, so a value is never returned whole: it is staged here and read back slice by slice
// (EncryptedLocalStorage on the server decides the slice size). Writes arrive in slices too and are
// committed with one setItem, so a value is either all there or not changed at all.

const reads = new Map();
const writes = new Map();
let nextRead = 0;

function stage(text) {
  if (text === null) return null;
  const id = ++nextRead;
  reads.set(id, text);
  return { id, length: text.length };
}

function keysStartingWith(prefix) {
  const keys = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key !== null && key.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

// A value to read: { id, length } or null when absent.
export function openItem(key) {
  return stage(localStorage.getItem(key));
}

export function readSlice(id, start, end) {
  const text = reads.get(id);
  if (text === undefined) throw new Error("No staged value " + id);
  return text.substring(start, end);
}

export function closeRead(id) {
  reads.delete(id);
}

export function append(id, text) {
  let parts = writes.get(id);
  if (parts === undefined) writes.set(id, (parts = []));
  parts.push(text);
}

// True when stored; false when the browser is out of room (what was there before stays).
export function commit(id, key) {
  const parts = writes.get(id) ?? [];
  writes.delete(id);
  try {
    localStorage.setItem(key, parts.join(""));
    return true;
  } catch (e) {
    if (e instanceof DOMException && (e.name === "QuotaExceededError" || e.code === 22)) return false;
    throw e;
  }
}

export function discard(id) {
  writes.delete(id);
}

export function remove(key) {
  localStorage.removeItem(key);
}

// Removes every key that starts with prefix, also ones no index names any more; returns how many.
export function removeAll(prefix) {
  const keys = keysStartingWith(prefix);
  for (const key of keys) localStorage.removeItem(key);
  return keys.length;
}
