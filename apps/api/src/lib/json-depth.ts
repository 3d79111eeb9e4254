/**
 * How deeply a JSON text nests, scanning characters (no parse, no recursion).
 * The transport refuses bodies past a limit: JSON.parse copes with deep
 * nesting, but later recursive steps (the REST adapter re-serialises bodies,
 * schema validation walks them) would exhaust the stack and answer 500.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
