/** `npm run bench`: prints timing figures and writes bench/out/bench.csv. Not a test: nothing fails on speed. */
import { benchFirstFront } from './first-front.js';
import { benchMapper } from './mapper.js';
import { benchEditToResult, benchModelEvaluation } from './model.js';
import { parseBenchOptions } from './options.js';
import { benchProcesses } from './process-bench.js';
import { processCases, selectCases } from './process-cases.js';
import { caseLine, processRows, writeProcessCsv } from './process-report.js';
import { OUT_DIR, printRows, writeCsv, type BenchRow } from './report.js';

// `npm run bench -- --cases simple,tpu_v4i --no-accelforge --timeout 600`
const options = parseBenchOptions(process.argv.slice(2));
if (options.list) {
  for (const c of selectCases(processCases(OUT_DIR), options.cases)) process.stdout.write(`${c.group.padEnd(14)} ${c.key}\n`);
  process.exit(0);
}
const rows: BenchRow[] = [...benchModelEvaluation(), ...benchEditToResult(), ...benchFirstFront()];
const processes = await benchProcesses({ ...options, outDir: OUT_DIR }, (r) => process.stdout.write(caseLine(r)));
rows.push(...processRows(processes));
if (options.warmPool) rows.push(...(await benchMapper(options)));
printRows(rows);
process.stdout.write(`wrote ${writeCsv(rows)} and ${writeProcessCsv(processes, OUT_DIR)}\n`);
