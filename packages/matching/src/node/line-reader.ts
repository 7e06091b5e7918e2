/** One line of input, decoded leniently, with what had to be repaired. */
export interface InputLine {
  /** 1-based, for messages that name the line. */
  readonly number: number;
  readonly text: string;
  /** The line was longer than the limit and was cut. */
  readonly truncated: boolean;
  /** Bytes that are not UTF-8 were replaced by U+FFFD. */
  readonly invalidUtf8: boolean;
}

export interface ReadLinesOptions {
  /** Characters kept per line; the rest is dropped (default 10,000). */
  readonly maxChars?: number;
}

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines and decodes each as UTF-8 on its own, so one bad byte sequence
 * spoils only its line. Memory stays bounded by the limit however long a line is.
 */
export async function* readLines(
  input: AsyncIterable<Uint8Array | string>,
  options: ReadLinesOptions = {},
): AsyncGenerator<InputLine> {
  const maxChars = options.maxChars ?? 10_000;
  // UTF-8 needs at most 4 bytes per character; keep a little more so truncation is by characters.
  const maxBytes = maxChars * 4 + 4;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let parts: Uint8Array[] = [];
  let kept = 0;
  let overflow = false;
  let number = 0;

  const finish = (): InputLine => {
    number++;
    const bytes = concat(parts, kept);
    parts = [];
    kept = 0;
    let text = decoder.decode(bytes);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const invalidUtf8 = text.includes('\uFFFD') && !hasEncodedReplacement(bytes);
    let truncated = overflow;
    overflow = false;
    if (text.length > maxChars) {
      text = text.slice(0, maxChars);
      truncated = true;
    }
    return { number, text, truncated, invalidUtf8 };
  };

  const keep = (chunk: Uint8Array): void => {
    const room = maxBytes - kept;
    if (chunk.length > room) {
      overflow = true;
      if (room > 0) {
        parts.push(chunk.subarray(0, room));
        kept += room;
      }
      return;
    }
    parts.push(chunk);
    kept += chunk.length;
  };

  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? new TextEncoder().encode(raw) : raw;
    let start = 0;
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, start)) {
      keep(chunk.subarray(start, i));
      yield finish();
      start = i + 1;
    }
    if (start < chunk.length) keep(chunk.subarray(start));
  }
  if (kept > 0 || overflow) yield finish();
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// A genuine U+FFFD in the input (EF BF BD) is not an encoding error.
function hasEncodedReplacement(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return true;
  }
  return false;
}

/** Writes text, waiting when the destination asks to slow down. */
export async function writeWithBackpressure(output: NodeJS.WritableStream, text: string): Promise<void> {
  if (!output.write(text)) {
    await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  }
}
