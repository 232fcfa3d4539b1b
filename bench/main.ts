/** `npm run bench`: prints timing figures and writes bench/out/bench.csv. Not a test: nothing fails on speed. */
import { benchEditToResult, benchModelEvaluation } from './model.js';
import { printRows, writeCsv, type BenchRow } from './report.js';

const rows: BenchRow[] = [...benchModelEvaluation(), ...benchEditToResult()];
printRows(rows);
process.stdout.write(`wrote ${writeCsv(rows)}\n`);
