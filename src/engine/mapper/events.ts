/** Progress events the sequential driver streams (docs/mapper.md §10). */
import type { PruneCounts } from './types.js';

export type MapperEvent =
  | { readonly type: 'templates'; readonly einsum: string; readonly count: number }
  | {
      readonly type: 'template-done';
      readonly einsum: string;
      readonly jobId: number;
      readonly evaluated: number;
      readonly kept: number;
      readonly pruned: PruneCounts;
    }
  | { readonly type: 'einsum-front'; readonly einsum: string; readonly front: readonly EnergyLatency[] }
  | { readonly type: 'join-step'; readonly step: number; readonly einsum: string; readonly front: readonly EnergyLatency[] }
  | { readonly type: 'final'; readonly front: readonly EnergyLatency[] };

export interface EnergyLatency {
  readonly energy: number;
  readonly latency: number;
}

export type MapperEventHandler = (event: MapperEvent) => void;
