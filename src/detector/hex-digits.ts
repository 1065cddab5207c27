/** Value of an ASCII hex digit's char code, or -1. */
export function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** Value of `length` hex digits at `at`, or -1 when any is not a hex digit. */
export function hexNumber(text: string, at: number, length: number): number {
  let value = 0;
  for (let k = 0; k < length; k++) {
    const digit = hexValue(text.charCodeAt(at + k));
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}
