/** Design-space sweeps: knobs, per-point mapping, CSV, ski slope, roofline, breakdowns and comparisons. */
export { parseSweepValues, parseNumber, linspace, logspace, MAX_SWEEP_POINTS, type SweepValue } from './values.js';
export { parseFieldPath, setField, type FieldStep } from './field-path.js';
export { makeKnob, parseKnob, knobKind, type SweepKnob } from './knobs.js';
export { prepareWithOverrides, type FieldOverride, type OverriddenSpec } from './override.js';
export { pointMetrics, outermostMemory, readWriteActions, type PointMetrics } from './metrics.js';
export { runSweepPoint, runDesignSweepPoint, type MapSettings, type SweepPointSpec, type SweepPointResult, type SweepPointRun } from './point.js';
export { checkSweepSize, expandSweep, runSweep, type SweepSpec, type SweepResult, type SweepHooks } from './sweep.js';
export { sweepToCsv } from './csv.js';
export { inShard, parseShardFlag, resolveShard, shardPointIndices, MAX_SHARDS, type ShardChoice, type ShardEnvironment } from './shard.js';
export { makeShardFile, mergeShards, readShardFile, SHARD_FORMAT, type NamedShard, type SweepIdentity, type SweepShardFile } from './shard-file.js';
export { skiSlope, type SkiSlopePoint } from './ski-slope.js';
export { roofline, attainable, instancesOf, type Roofline, type RooflinePoint, type BandwidthRoof } from './roofline.js';
export { componentBreakdown, compareDesigns, type ComponentBreakdownRow, type ComparedDesign } from './breakdown.js';
