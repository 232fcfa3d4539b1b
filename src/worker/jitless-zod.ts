/**
 * Import first in every entry point that may run zod in the browser (the page and each worker).
 * zod 4 compiles object parsers with `new Function` unless told not to, and even its probe for
 * that is reported as a violation under the page's CSP (which forbids eval): jitless parsing
 * never tries.
 */
import { z } from 'zod';

z.config({ jitless: true });
