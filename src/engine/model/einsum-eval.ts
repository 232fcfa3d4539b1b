/** The model for one Einsum's path: records → actions, energy, latency, usage. */
import { failWith } from '../base/errors.js';
import { checkCapacity, checkFanout, occupancyBits, type FanoutUse } from './checks.js';
import { mergeCopyRecords } from './copy-einsum.js';
import { compileEinsum, type EinsumInfo } from './einsum-info.js';
import { componentLatency, latencyActions } from './latency.js';
import { countLoops, numericLoopValues, type LoopCounts } from './loop-counts.js';
import type { MappingPath } from './mapping-paths.js';
import { buildPMapping, type PMapping } from './pmapping.js';
import type { BuffetRecord } from './record.js';
import type { ActionEntry, ComponentLatency, EinsumEvaluation, EnergyEntry, UsageEntry } from './result-types.js';
import { analyzeTensor } from './reuse.js';
import { tensorView } from './tensor-view.js';
import type { LatencyEvaluator, ModelEinsum } from './types.js';

export function evaluateEinsum(
  einsum: ModelEinsum,
  path: MappingPath,
  allTensors: ReadonlyMap<string, number>,
  evaluateLatency: LatencyEvaluator | undefined,
): EinsumEvaluation {
  const info = compileEinsum(einsum);
  rejectNetworks(einsum);
  const pm = buildPMapping(info, path, allTensors);
  const counts = countLoops(info, pm);
  const fanout = checkFanout(info, counts);
  const values = numericLoopValues(info, pm, counts);
  let records: BuffetRecord[] = [];
  for (let t = 0; t < einsum.tensors.length; t++) {
    for (const rec of analyzeTensor(info, pm, tensorView(info, pm, t), values, t)) if (rec.holderIndex >= 0) records.push(rec);
  }
  if (einsum.isCopyOperation) {
    const source = Math.max(0, einsum.tensors.findIndex((t) => !t.output));
    records = mergeCopyRecords(records, source);
  }
  checkCapacity(info, pm, records);
  const actions = gatherActions(info, records, counts, pm.compute.leaf);
  const componentLatency = latencies(info, actions, pm.compute.leaf, evaluateLatency);
  const perInstance = componentLatency.reduce((max, c) => Math.max(max, c.latency), 0);
  const n = einsum.nInstances;
  const energy = [...dynamicEnergy(info, actions), ...leakEnergy(info, fanout, perInstance)];
  return {
    einsum: einsum.name,
    latency: perInstance * n,
    componentLatency,
    energy: n === 1 ? energy : energy.map((e) => ({ ...e, energy: e.energy * n })),
    actions,
    usage: usageEntries(info, pm, records),
    fanout,
    computeOps: counts.ops * n,
    computePath: pm.compute.path,
  };
}

function gatherActions(
  info: EinsumInfo,
  records: readonly BuffetRecord[],
  counts: LoopCounts,
  computeLeaf: number,
): ActionEntry[] {
  const out: ActionEntry[] = [];
  const ordered = [...records].sort((a, b) => a.leaf - b.leaf || a.holderIndex - b.holderIndex);
  const n = info.einsum.nInstances;
  const einsum = info.einsum.name;
  for (const rec of ordered) {
    const leaf = info.einsum.arch[rec.leaf]!;
    const component = leaf.name;
    const tensor = info.einsum.tensors[rec.tensor]!.name;
    const scale = leaf.actionsScale * n;
    out.push({ einsum, component, tensor, action: 'read', count: rec.reads * scale, perUnit: rec.unitReads });
    if (leaf.kind !== 'toll') {
      out.push({ einsum, component, tensor, action: 'write', count: rec.writes * scale, perUnit: rec.unitWrites });
    }
  }
  const compute = info.einsum.arch[computeLeaf]!;
  out.push({
    einsum,
    component: compute.name,
    tensor: null,
    action: 'compute',
    count: counts.ops * compute.actionsScale * n,
    perUnit: counts.steps,
  });
  return out;
}

function latencies(
  info: EinsumInfo,
  actions: readonly ActionEntry[],
  computeLeaf: number,
  evaluate: LatencyEvaluator | undefined,
): ComponentLatency[] {
  const calls = new Map<string, Map<string, number>>();
  for (const a of actions) {
    const byAction = calls.get(a.component) ?? new Map<string, number>();
    byAction.set(a.action, (byAction.get(a.action) ?? 0) + a.perUnit);
    calls.set(a.component, byAction);
  }
  const out: ComponentLatency[] = [];
  info.einsum.arch.forEach((leaf, l) => {
    const byAction = calls.get(leaf.name);
    if (!byAction && l !== computeLeaf) return;
    const acts = latencyActions(leaf, byAction ?? new Map());
    const latency = componentLatency(leaf, acts, info.einsum.name, evaluate);
    if (latency !== null) out.push({ einsum: info.einsum.name, component: leaf.name, latency });
  });
  return out;
}

function dynamicEnergy(info: EinsumInfo, actions: readonly ActionEntry[]): EnergyEntry[] {
  const out: EnergyEntry[] = [];
  const byName = new Map(info.einsum.arch.map((l) => [l.name, l]));
  for (const a of actions) {
    if (a.count === 0) continue;
    const leaf = byName.get(a.component)!;
    const action = leaf.actions.find((x) => x.name === a.action);
    if (!action) {
      failWith('model', `action '${a.action}' not found in component '${a.component}'`, {
        hint: `add an action named '${a.action}' to ${a.component}`,
      });
    }
    const count = a.count / info.einsum.nInstances;
    out.push({ einsum: a.einsum, component: a.component, tensor: a.tensor, action: a.action, energy: count * action.energy });
  }
  return out;
}

/** Leak of every component over the Einsum's latency, scaled by power gating. */
function leakEnergy(info: EinsumInfo, fanout: readonly FanoutUse[], latency: number): EnergyEntry[] {
  const out: EnergyEntry[] = [];
  const name = info.einsum.name;
  let gate = 1;
  for (const leaf of info.einsum.arch) {
    for (const dim of leaf.spatial) {
      if (!dim.powerGateable) continue;
      const use = fanout.find((f) => f.component === leaf.name && f.dimension === dim.name);
      gate *= (use?.usage ?? 1) / dim.fanout;
    }
    if (leaf.kind === 'container') continue;
    out.push({ einsum: name, component: leaf.name, tensor: null, action: 'leak', energy: leaf.totalLeakPower * latency * gate });
  }
  for (const other of info.einsum.offPath) {
    const porp = other.powerGateable ? 0 : 1;
    out.push({ einsum: name, component: other.name, tensor: null, action: 'leak', energy: other.totalLeakPower * latency * porp });
  }
  return out;
}

function usageEntries(info: EinsumInfo, pm: PMapping, records: readonly BuffetRecord[]): UsageEntry[] {
  const out: UsageEntry[] = [];
  for (const rec of records) {
    const leaf = info.einsum.arch[rec.leaf]!;
    if (leaf.kind !== 'memory') continue;
    const bits = occupancyBits(info, rec);
    out.push({
      einsum: info.einsum.name,
      component: leaf.name,
      tensor: info.einsum.tensors[rec.tensor]!.name,
      bits,
      depth: rec.depth,
      size: leaf.size,
      fraction: leaf.size === Infinity ? 0 : bits / leaf.size,
      backing: pm.holders[rec.holderIndex]?.backing ?? false,
    });
  }
  return out;
}

/** Network hop traffic (docs/model.md §5.3) is not modelled yet; refuse rather than under-count. */
function rejectNetworks(einsum: ModelEinsum): void {
  const network = einsum.arch.find((leaf) => leaf.kind === 'network');
  if (!network) return;
  failWith('model', `network '${network.name}' on the path of Einsum ${einsum.name} is not supported by the model yet`, {
    hint: 'remove the !Network node from the architecture (its hop energy and latency would be missing)',
  });
}
