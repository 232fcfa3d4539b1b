// Stillmaker & Baas 2017 scaling data, as tabulated by hwcomponents (techscaling.py).
// Pure data; nodes in metres, outermost (largest) first.

export const TECH_NODES: readonly number[] = [
  130e-9, 90e-9, 65e-9, 45e-9, 32e-9, 20e-9, 16e-9, 14e-9, 10e-9, 7e-9,
];

/** AREA_SCALING[from][to]: area factor between two tabulated nodes. */
export const AREA_SCALING: readonly (readonly number[])[] = [
  [1, 0.44, 0.23, 0.16, 0.072, 0.033, 0.03, 0.027, 0.016, 0.0092],
  [2.3, 1, 0.53, 0.35, 0.16, 0.075, 0.067, 0.061, 0.036, 0.021],
  [4.3, 1.9, 1, 0.66, 0.31, 0.14, 0.13, 0.12, 0.068, 0.039],
  [6.4, 2.8, 1.5, 1, 0.46, 0.21, 0.19, 0.17, 0.1, 0.059],
  [14, 6.1, 3.3, 2.2, 1, 0.46, 0.41, 0.38, 0.22, 0.13],
  [30, 13, 7.1, 4.7, 2.2, 1, 0.89, 0.82, 0.48, 0.28],
  [34, 15, 7.9, 5.3, 2.4, 1.1, 1, 0.91, 0.54, 0.31],
  [37, 16, 8.7, 5.8, 2.7, 1.2, 1.1, 1, 0.59, 0.34],
  [63, 28, 15, 9.8, 4.5, 2.1, 1.9, 1.7, 1, 0.58],
  [110, 48, 25, 17, 7.8, 3.6, 3.2, 2.9, 1.7, 1],
];

/** ENERGY_SCALING[node] = [a, b, c]: relative energy a·V² + b·V + c at supply V. */
export const ENERGY_SCALING: readonly (readonly [number, number, number])[] = [
  [7.171, -6.709, 2.904],
  [4.762, -4.781, 2.092],
  [3.755, -4.398, 1.975],
  [1.103, -0.362, 0.2767],
  [0.9559, -0.7823, 0.471],
  [0.373, -0.1582, 0.04104],
  [0.2958, -0.1241, 0.03024],
  [0.2363, -0.09675, 0.02239],
  [0.2068, -0.09311, 0.02375],
  [0.1776, -0.09097, 0.02447],
];
