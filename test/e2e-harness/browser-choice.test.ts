/**
 * How the browser tests find their browser (test/e2e/browser.ts) and unpack the bundled one
 * (test/e2e/extract-tar.ts). The e2e run itself covers launching it.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseChromium } from '../e2e/browser.js';
import { prepareBundledChromium } from '../e2e/bundled-chromium.js';
import { extractTar } from '../e2e/extract-tar.js';

const REPO = join(import.meta.dirname, '../..');
const FONTS_ARCHIVE = join(REPO, 'node_modules/@sparticuz/chromium/bin/fonts.tar.br');

/** One GNU-style tar header for a regular file, as the package's archives use. */
function tarEntry(name: string, body: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write(`${Buffer.byteLength(body).toString(8).padStart(11, '0')}\0`, 124);
  header.write('0', 156);
  header.write('ustar  \0', 257);
  const padded = Buffer.alloc(Math.ceil(Buffer.byteLength(body) / 512) * 512);
  padded.write(body);
  return Buffer.concat([header, padded]);
}

const scratch: string[] = [];
function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'accelforge-browser-choice-'));
  scratch.push(dir);
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('extractTar', () => {
  it("unpacks the bundled package's fonts archive byte for byte", () => {
    const dir = scratchDir();
    extractTar(brotliDecompressSync(readFileSync(FONTS_ARCHIVE)), dir);
    expect(statSync(join(dir, 'fonts/Open_Sans/OpenSans-Regular.ttf')).size).toBe(147528);
    expect(readFileSync(join(dir, 'fonts.conf'), 'utf8')).toContain('<fontconfig>');
  });

  it('refuses an entry that climbs out of the target folder', () => {
    const archive = Buffer.concat([tarEntry('../escaped.txt', 'x'), Buffer.alloc(1024)]);
    expect(() => extractTar(archive, scratchDir())).toThrow('tar entry ../escaped.txt points outside the folder');
  });

  it('reports an archive cut short instead of writing half a file', () => {
    const archive = tarEntry('lib/libnss3.so', 'x'.repeat(600)).subarray(0, 700);
    expect(() => extractTar(archive, scratchDir())).toThrow('tar entry lib/libnss3.so is cut short');
  });
});

describe('chooseChromium', () => {
  it('uses CHROMIUM_PATH first, and says when it is not an executable file', async () => {
    vi.stubEnv('E2E_BROWSER', '');
    vi.stubEnv('CHROMIUM_PATH', process.execPath);
    expect(await chooseChromium()).toEqual({ executablePath: process.execPath, env: {}, source: 'CHROMIUM_PATH' });
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chrome');
    await expect(chooseChromium()).rejects.toThrow('CHROMIUM_PATH=/nonexistent/chrome is not an executable file');
  });

  it('refuses E2E_BROWSER values it does not know, and bundled together with CHROMIUM_PATH', async () => {
    vi.stubEnv('E2E_BROWSER', 'system');
    await expect(chooseChromium()).rejects.toThrow('E2E_BROWSER=system is not understood');
    vi.stubEnv('E2E_BROWSER', 'bundled');
    vi.stubEnv('CHROMIUM_PATH', process.execPath);
    await expect(chooseChromium()).rejects.toThrow('E2E_BROWSER=bundled and CHROMIUM_PATH are both set');
  });

  it('names CHROMIUM_PATH on a platform the bundled browser does not cover', async () => {
    const arch = vi.spyOn(process, 'arch', 'get').mockReturnValue('arm64');
    try {
      await expect(prepareBundledChromium(REPO)).rejects.toThrow(/runs only on Linux x64 with glibc, and this is linux arm64\..*CHROMIUM_PATH=/);
    } finally {
      arch.mockRestore();
    }
  });
});
