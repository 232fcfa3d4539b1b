/**
 * Measures how long an lz-string "encoded URI component" would decompress to, without building
 * any text, and stops as soon as the length passes a cap. lz-string's own decompressor builds the
 * whole output (and every dictionary phrase) before it returns, so a 30 KB link made of one
 * repeated character would allocate 100 MB; links are measured here first.
 *
 * The format, as far as the length is concerned: the input characters carry 6 bits each (highest
 * bit first); codes are read lowest bit first. The first code is 2 bits wide: 0 and 1 introduce a
 * literal character (8 or 16 more bits) and 2 ends the stream. Then the codes grow one bit each
 * time the dictionary reaches a power of two: 0 and 1 again add a literal phrase (length 1) to the
 * dictionary, 2 ends the stream, and any other code emits a dictionary phrase — or, when it is the
 * next free slot, the previous phrase plus its first character — and adds "previous phrase plus
 * one character" to the dictionary. Only phrase lengths are tracked.
 */

const URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const BITS_PER_CHAR = 6;
/** Codes 0-2 are the literal and end markers, so phrases start at 3. */
const FIRST_PHRASE = 3;
const END_CODE = 2;

export type LzLength =
  | { readonly kind: 'ok'; readonly length: number }
  | { readonly kind: 'too-long' }
  | { readonly kind: 'damaged' };

const CHAR_VALUES: ReadonlyMap<string, number> = new Map([...URI_ALPHABET].map((c, i) => [c, i]));

/** Bits of the encoded text; past its end it reads zeros, as lz-string does, and counts how far. */
class BitReader {
  private charIndex = 0;
  private value = 0;
  private bitMask = 0;

  constructor(private readonly text: string) {}

  /** True once reading has gone more than one character past the end (the stream never ended). */
  get overrun(): boolean {
    return this.charIndex > this.text.length + 1;
  }

  read(width: number): number {
    let code = 0;
    for (let bit = 0; bit < width; bit++) {
      if (this.bitMask === 0) {
        // lz-string reads characters outside its alphabet as zero bits; so do we.
        this.value = CHAR_VALUES.get(this.text.charAt(this.charIndex)) ?? 0;
        this.charIndex++;
        this.bitMask = 1 << (BITS_PER_CHAR - 1);
      }
      if ((this.value & this.bitMask) !== 0) code |= 1 << bit;
      this.bitMask >>= 1;
    }
    return code;
  }
}

/** Reads a literal's character bits after its marker (0: 8 bits, 1: 16 bits). */
function skipLiteral(reader: BitReader, marker: number): void {
  reader.read(marker === 0 ? 8 : 16);
}

/**
 * The decompressed length of `encoded` (spaces read as '+', as lz-string does), or 'too-long' as
 * soon as it would pass `maxLength`, or 'damaged' when lz-string would not decode it.
 */
export function measureLzUriLength(encoded: string, maxLength: number): LzLength {
  const reader = new BitReader(encoded.replace(/ /g, '+'));
  const first = reader.read(2);
  if (first === END_CODE) return { kind: 'ok', length: 0 };
  if (first > END_CODE) return { kind: 'damaged' };
  skipLiteral(reader, first);
  // phraseLengths[i] is the length of dictionary phrase FIRST_PHRASE + i.
  const phraseLengths: number[] = [1];
  let previous = 1;
  let total = 1;
  let width = 3;
  let untilWider = 4;
  const nextSlot = () => FIRST_PHRASE + phraseLengths.length;
  const grew = () => {
    untilWider--;
    if (untilWider === 0) {
      untilWider = 2 ** width;
      width++;
    }
  };
  for (;;) {
    if (reader.overrun) return { kind: 'damaged' };
    let code = reader.read(width);
    if (code === END_CODE) return { kind: 'ok', length: total };
    if (code < END_CODE) {
      skipLiteral(reader, code);
      code = nextSlot();
      phraseLengths.push(1);
      grew();
    }
    const slot = nextSlot();
    const emitted = code < slot ? phraseLengths[code - FIRST_PHRASE] : code === slot ? previous + 1 : undefined;
    if (emitted === undefined) return { kind: 'damaged' };
    total += emitted;
    if (total > maxLength) return { kind: 'too-long' };
    phraseLengths.push(previous + 1);
    grew();
    previous = emitted;
  }
}
