import type { PlainMap } from './source.js';
import { asString } from './values.js';

/** What a Timeloop component is, judged from its class name as timeloopfe does. */
export interface ComponentKind {
  kind: 'storage' | 'compute' | 'network' | 'nothing';
  cls: string;
}

const NETWORK_RE = /noc|legacy|reductiontree|simplemulticast/i;
const COMPUTE_RE = /mac|compute/i;

/** Kind and effective class (`subclass` when `class` is the generic `storage`/`compute`). */
export function classifyComponent(node: PlainMap): ComponentKind {
  const cls = asString(node['class']) ?? '';
  const subclass = asString(node['subclass']);
  if (cls === 'storage' || cls === 'compute') return { kind: cls, cls: subclass ?? cls };
  const effective = subclass ?? cls;
  if (/nothing/i.test(cls)) return { kind: 'nothing', cls };
  if (NETWORK_RE.test(cls)) return { kind: 'network', cls };
  if (COMPUTE_RE.test(cls)) return { kind: 'compute', cls: effective };
  return { kind: 'storage', cls: effective };
}

/** hwcomponents model for an Accelergy class, and whether the match is only approximate. */
export function hwComponentClass(cls: string, dramType: string | undefined): { name: string; exact: boolean } {
  const c = cls.toLowerCase();
  if (c === 'dram') return { name: dramType ?? 'LPDDR4', exact: true };
  if (c === 'sram') return { name: 'SRAM', exact: true };
  if (c === 'smartbuffer_sram') return { name: 'SmartBufferSRAM', exact: true };
  if (c.includes('smartbuffer') || c.includes('regfile')) return { name: 'SmartBufferSRAM', exact: false };
  if (c.includes('register')) return { name: 'Register', exact: true };
  if (c === 'intmac' || c === 'mac') return { name: 'IntMAC', exact: true };
  if (c.includes('adder')) return { name: 'Adder', exact: true };
  if (c.includes('multiplier')) return { name: 'Multiplier', exact: true };
  return { name: 'Dummy', exact: false };
}
