import type { VariableValue } from '../../store/spec-slice.js';

/** '' clears the override; numbers and true/false keep their type so Jinja arithmetic works. */
export function parseVariableInput(text: string): VariableValue | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (trimmed === 'true' || trimmed === 'True') return true;
  if (trimmed === 'false' || trimmed === 'False') return false;
  if (/^-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return Number(trimmed);
  return text;
}
