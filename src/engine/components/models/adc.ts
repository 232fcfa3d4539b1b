/**
 * ADC energy and area from a fit to the Murmann ADC survey (hwcomponents-adc): the Schreier
 * figure of merit falls with per-ADC sample rate and is capped by resolution; energy then
 * follows from the SNDR, corrected for tech node and resolution.
 */
import type { ComponentModelDefinition } from '../model-definition.js';
import { makeInstance, numberAttr, numberAttrOr } from '../model-definition.js';
import { ModelRejection } from '../types.js';

// Fitted constants (natural logs of Hz, nm, pJ, µm²), from hwcomponents-adc's model.yaml.
const FOMS_INTERCEPT = 213.7806687348118;
const FOMS_PER_LN_FREQ = -2.8719030399529957;
/** Highest figure of merit seen in the survey, by resolution in bits (index = ⌈bits⌉). */
const FOMS_MAX_BY_BITS: readonly number[] = [
  128.3068287398817, 131.52734025085925, 134.7478517618368, 137.96836327281437,
  141.18887478379193, 144.4093862947695, 147.62989780574708, 150.85040931672464,
  154.0709208277022, 157.29143233867975, 160.5119438496573, 163.73245536063487,
  166.95296687161243, 170.17347838259, 173.39398989356755, 176.61450140454514,
  179.83501291552267, 183.05552442650026, 186.27603593747781, 189.49654744845537,
  192.71705895943293,
];
const TECH_INTERCEPT = 26.0496215686518;
const TECH_SLOPE = 1.8800369206815004;
const ENOB_SLOPE = -2.8291256050594527;
const ENERGY_RESIDUAL = -1.4702022133784405;
const AREA_INTERCEPT = 1.3461916439910742;
const AREA_PER_LN_TECH = 0.9932794744745022;
const AREA_PER_LN_FREQ = 0.18071538424508238;
const AREA_PER_LN_ENERGY = 0.29912426192653485;

function maxFomsForBits(bits: number): number {
  const index = Math.max(Math.min(Math.ceil(bits), FOMS_MAX_BY_BITS.length - 1), 0);
  return FOMS_MAX_BY_BITS[index] as number;
}

/** Energy of one conversion in pJ, for one ADC sampling at `frequency` Hz. */
export function adcEnergyPj(bits: number, techNm: number, frequency: number): number {
  const foms = Math.min(FOMS_INTERCEPT + FOMS_PER_LN_FREQ * Math.log(frequency), maxFomsForBits(bits));
  const sndr = bits * 20 * Math.log10(2) + 10 * Math.log10(1.5);
  const ideal = 1 / (10 ** ((foms - sndr) / 10) * 2);
  return ideal * Math.exp(TECH_INTERCEPT + TECH_SLOPE * Math.log(techNm) + ENOB_SLOPE * Math.log(bits) + ENERGY_RESIDUAL);
}

/** Area of one ADC in µm². */
export function adcAreaUm2(bits: number, techNm: number, frequency: number): number {
  const energy = adcEnergyPj(bits, techNm, frequency);
  return Math.exp(
    AREA_INTERCEPT +
      AREA_PER_LN_TECH * Math.log(techNm) +
      AREA_PER_LN_FREQ * Math.log(frequency) +
      AREA_PER_LN_ENERGY * Math.log(energy),
  );
}

const CONVERT_LIKE = ['convert', 'drive', 'read', 'sample', 'activate'] as const;

export const adc: ComponentModelDefinition = {
  id: 'ADC',
  aliases: ['adc', 'pim_adc', 'sar_adc', 'array_adc', 'pim_array_adc', 'cim_array_adc', 'cim_adc'],
  priority: 0.35,
  params: [
    { name: 'n_bits', required: true },
    { name: 'tech_node', required: true },
    { name: 'throughput', required: true },
    { name: 'n_adcs' },
  ],
  actions: Object.fromEntries(CONVERT_LIKE.map((a) => [a, {}])),
  create(attrs) {
    const bits = numberAttr(attrs, 'n_bits');
    if (bits < 4) throw new ModelRejection(`ADC model needs n_bits >= 4, got ${bits}`);
    const techNm = numberAttr(attrs, 'tech_node') * 1e9;
    const throughput = numberAttr(attrs, 'throughput');
    const nAdcs = numberAttrOr(attrs, 'n_adcs', 1);
    const frequency = throughput / nAdcs;
    const energy = adcEnergyPj(bits, techNm, frequency) * 1e-12;
    const area = adcAreaUm2(bits, techNm, frequency) * nAdcs * 1e-12;
    // The survey fit gives total energy; 20 % of it is booked as leakage.
    const convert = () => ({ energy: energy * 0.8, latency: 1 / throughput, throughput });
    const bodies = Object.fromEntries(CONVERT_LIKE.map((a) => [a, convert]));
    return makeInstance(adc, { area, leakPower: energy * throughput * 0.2 }, bodies);
  },
};
