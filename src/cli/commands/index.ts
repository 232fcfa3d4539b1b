import { checkCommand } from './check.js';
import { componentsCommand } from './components.js';
import { convertTimeloopCommand } from './convert-timeloop.js';
import { evaluateCommand } from './evaluate.js';
import { mapCommand } from './map.js';
import { sweepCommand } from './sweep.js';
import type { Command } from './command.js';

export const COMMANDS: Readonly<Record<string, Command>> = {
  check: checkCommand,
  evaluate: evaluateCommand,
  map: mapCommand,
  components: componentsCommand,
  sweep: sweepCommand,
  'convert-timeloop': convertTimeloopCommand,
};
