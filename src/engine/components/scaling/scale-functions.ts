/**
 * Scaling functions: given a target value and the value the model's constants were
 * measured at, return the factor to multiply a cost by.
 */
export type ScaleFunction = (target: number, base: number) => number;

export const linear: ScaleFunction = (t, b) => t / b;
export const reciprocal: ScaleFunction = (t, b) => b / t;
export const quadratic: ScaleFunction = (t, b) => (t / b) ** 2;
export const noScale: ScaleFunction = () => 1;

/** base^(t − b): for attributes that double the cost per step, e.g. resolution bits. */
export function powBase(base: number): ScaleFunction {
  return (t, b) => base ** (t - b);
}

/** t·log_base(t) / (b·log_base(b)). */
export function nLogBase(base: number): ScaleFunction {
  return (t, b) => (t * Math.log(t)) / Math.log(base) / ((b * Math.log(b)) / Math.log(base));
}

/** (t/b)·log2(t/b). */
export const nLog2N: ScaleFunction = (t, b) => (t / b) * Math.log2(t / b);

/** CACTI-fitted depth scaling: energy grows sub-linearly with depth. */
export const cactiDepthEnergy: ScaleFunction = (t, b) => (t / b) ** 0.78;
export const cactiDepthArea: ScaleFunction = linear;
export const cactiDepthLeak: ScaleFunction = linear;

/** Apply several scaling functions in turn (their factors multiply). */
export function composeScales(...fns: readonly ScaleFunction[]): ScaleFunction {
  return (t, b) => fns.reduce((acc, fn) => acc * fn(t, b), 1);
}
