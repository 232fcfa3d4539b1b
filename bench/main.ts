/** `npm run bench`: prints timing figures and writes bench/out/bench.csv. Not a test: nothing fails on speed. */
import { benchFirstFront } from './first-front.js';
import { benchMapper, mapperBenchOptions } from './mapper.js';
import { benchEditToResult, benchModelEvaluation } from './model.js';
import { printRows, writeCsv, type BenchRow } from './report.js';

// `npm run bench -- --cases simple,tpu_v4i --no-accelforge --workers 2 --timeout 300`
const mapperOptions = mapperBenchOptions(process.argv.slice(2));
const rows: BenchRow[] = [...benchModelEvaluation(), ...benchEditToResult(), ...benchFirstFront(), ...(await benchMapper(mapperOptions))];
printRows(rows);
process.stdout.write(`wrote ${writeCsv(rows)}\n`);
