// Exact fixed-point arithmetic for scoring (spec §2: never round intermediate values).
//
// Scheme numbers and inputs are decimals with at most 3 places, held as integer
// thousandths ("milli", ×1000). A leaf score can be the product of two of them
// (rate × points, (target − value) × perPointBelow), so scores are held as integer
// millionths ("micro", ×1,000,000). Both stay far inside Number's safe-integer range
// for any scheme `compile-scheme` accepts; the one division (normalisation) and the
// single rounding at the end are done on bigint rationals.

export const MILLI = 1000;
export const MICRO = 1_000_000;

/** Largest integer part accepted by the parsers: keeps every product safe. */
const MAX_INTEGER_DIGITS = 9;

/**
 * Parses a non-negative decimal written with at most 3 places ("13", "11.25", "0.5")
 * into integer thousandths. Returns null for anything else (signs, exponents, spaces,
 * more than 3 places). Hand-written: it runs once per score on the hot path.
 */
export function parseMilli(text: string): number | null {
  const n = text.length;
  if (n === 0) return null;
  let int = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) break;
    if (c < 48 || c > 57) return null;
    int = int * 10 + (c - 48);
  }
  if (i === 0 || i > MAX_INTEGER_DIGITS) return null;
  if (i === n) return int * MILLI;
  // a dot: 1 to 3 digits must follow
  const places = n - i - 1;
  if (places < 1 || places > 3) return null;
  let frac = 0;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c < 48 || c > 57) return null;
    frac = frac * 10 + (c - 48);
  }
  return int * MILLI + frac * (places === 1 ? 100 : places === 2 ? 10 : 1);
}

/**
 * A JSON number (as parsed from scheme.json: 0.2, 11.25, 59) in integer thousandths,
 * through its shortest decimal representation, so 0.2 is exactly 200. Null when it is
 * negative, not finite or has more than 3 places.
 */
export function numberToMilli(value: number): number | null {
  if (!Number.isFinite(value) || value < 0) return null;
  if (Number.isInteger(value)) return value <= 1e12 ? value * MILLI : null;
  return parseMilli(String(value));
}

/** Display value of an exact quantity (output boundary only, never fed back). */
export function milliToNumber(milli: number): number {
  return milli / MILLI;
}
export function microToNumber(micro: number): number {
  return micro / MICRO;
}
/** Integer hundredths → the 2-place decimal it denotes (85.89), for output. */
export function hundredthsToNumber(hundredths: number): number {
  return hundredths / 100;
}

/** Exact decimal text of an integer number of thousandths ("18", "0.5", "11.25"). */
export function formatMilli(milli: number): string {
  return formatScaled(milli, 3);
}
/** Exact decimal text of an integer number of millionths. */
export function formatMicro(micro: number): string {
  return formatScaled(micro, 6);
}

function formatScaled(value: number, places: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const scale = 10 ** places;
  const int = Math.floor(abs / scale);
  const frac = abs - int * scale;
  if (frac === 0) return `${sign}${int}`;
  return `${sign}${int}.${String(frac).padStart(places, '0').replace(/0+$/, '')}`;
}

/** floor(a / b) for bigints, b > 0. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/**
 * Rounds the rational `num / den` (in millionths) half up to hundredths:
 * floor(num / (den × 10⁴) + ½). `den` must be positive.
 */
export function roundMicroRatioToHundredths(num: bigint, den: bigint): number {
  const scale = den * 10_000n;
  return Number(floorDiv(2n * num + scale, 2n * scale));
}

/** Rounds an integer number of 1e-5 units half up to hundredths (annual: weight‰ × final¢). */
export function roundHundredThousandthsToHundredths(value: number): number {
  return Math.floor((value + 500) / 1000);
}
