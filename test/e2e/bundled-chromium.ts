/**
 * The Chromium inside the @sparticuz/chromium devDependency, so `npm ci && npm test` needs no apt.
 * The package's own executablePath() unpacks into /tmp and only wires up its libraries on AWS Lambda,
 * so we unpack its brotli archives ourselves, once, under node_modules/.cache. Nothing is downloaded.
 */
import {
  chmodSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { extractTar } from './extract-tar.js';

export const BUNDLED_PACKAGE = '@sparticuz/chromium';

/** Where the browser was unpacked and the environment it must run with. */
export interface BundledChromium {
  readonly version: string;
  readonly executablePath: string;
  readonly env: Readonly<Record<string, string>>;
}

/** Unpacks the bundled browser on first use; later calls find it in place. */
export async function prepareBundledChromium(repoRoot: string): Promise<BundledChromium> {
  const platform = `${process.platform} ${process.arch}${isGlibcLinux() ? '' : ' without glibc'}`;
  if (platform !== 'linux x64') {
    throw new Error(
      `The browser bundled in ${BUNDLED_PACKAGE} runs only on Linux x64 with glibc, and this is ${platform}. ` +
        'Install Chrome or Chromium and run the browser tests with CHROMIUM_PATH=/path/to/chrome.',
    );
  }
  const packageDir = join(repoRoot, 'node_modules', BUNDLED_PACKAGE);
  const packageJson = join(packageDir, 'package.json');
  if (!existsSync(packageJson)) {
    throw new Error(`No browser for the browser tests: ${BUNDLED_PACKAGE} is not installed (run 'npm ci'), or set CHROMIUM_PATH.`);
  }
  const version = String((JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown }).version);
  const home = join(repoRoot, 'node_modules', '.cache', 'accelforge-e2e-chromium', version);
  if (!existsSync(join(home, 'chromium'))) await unpackInto(join(packageDir, 'bin'), home);
  return {
    version,
    executablePath: join(home, 'chromium'),
    env: {
      // Its own NSS, NSPR and expat come first, so a machine without them (or with other versions) still works.
      LD_LIBRARY_PATH: [join(home, 'lib'), process.env['LD_LIBRARY_PATH']].filter(Boolean).join(':'),
      // Only the bundled fonts: the same glyphs on every machine, and none needed from the system.
      FONTCONFIG_FILE: join(home, 'fonts.conf'),
    },
  };
}

/** The bundled binary links glibc; musl systems (Alpine) cannot start it. */
function isGlibcLinux(): boolean {
  if (process.platform !== 'linux') return true; // the platform check above already refuses it
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return header?.glibcVersionRuntime !== undefined;
}

/** Unpacks into a staging folder and renames it into place, so a run that is cut short leaves no half browser. */
async function unpackInto(binDir: string, home: string): Promise<void> {
  mkdirSync(dirname(home), { recursive: true });
  const staging = mkdtempSync(`${home}.partial-`);
  try {
    await pipeline(
      createReadStream(join(binDir, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(join(staging, 'chromium'), { mode: 0o755 }),
    );
    // al2023: the shared libraries the browser links (lib/); fonts: a few TrueType fonts (fonts/).
    for (const archive of ['al2023.tar.br', 'fonts.tar.br']) {
      extractTar(brotliDecompressSync(readFileSync(join(binDir, archive))), staging);
    }
    writeFileSync(join(staging, 'fonts.conf'), fontsConfig(home));
    chmodSync(staging, 0o755); // mkdtemp makes it private to this user
    renameSync(staging, home);
  } catch (error) {
    // Another test run may have finished unpacking first; its copy is as good as ours.
    if (!existsSync(join(home, 'chromium'))) throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Replaces the package's fonts.conf, which points at Lambda paths (/var/task, /tmp). */
function fontsConfig(home: string): string {
  const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${xmlText(join(home, 'fonts'))}</dir>`,
    `  <cachedir>${xmlText(join(home, 'fonts-cache'))}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}
