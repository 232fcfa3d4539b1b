/** Hand-written lz-string streams for the link size tests. */

const URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/**
 * A link body made of one character repeated: the literal 'a', then codes 4, 5, 6, ... each naming
 * the next free slot (previous phrase + its first character), so `codes` codes decompress to about
 * codes²/2 characters. Written bit by bit, independently of lz-string's compressor.
 */
export function repeatedCharBomb(codes: number): { body: string; length: number } {
  const bits: number[] = [];
  const write = (value: number, width: number) => {
    for (let bit = 0; bit < width; bit++) bits.push((value >> bit) & 1);
  };
  write(0, 2);
  write('a'.charCodeAt(0), 8);
  let width = 3;
  let untilWider = 4;
  let slot = 4;
  let length = 1;
  let phrase = 1;
  const grew = () => {
    if (--untilWider === 0) {
      untilWider = 2 ** width;
      width++;
    }
  };
  for (let i = 0; i < codes; i++) {
    write(slot, width);
    phrase++;
    length += phrase;
    slot++;
    grew();
  }
  write(2, width);
  while (bits.length % 6 !== 0) bits.push(0);
  let body = '';
  for (let i = 0; i < bits.length; i += 6) {
    let value = 0;
    for (let j = 0; j < 6; j++) value = (value << 1) | (bits[i + j] ?? 0);
    body += URI_ALPHABET.charAt(value);
  }
  return { body, length };
}
