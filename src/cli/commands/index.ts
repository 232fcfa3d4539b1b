import { checkCommand } from './check.js';
import type { Command } from './command.js';

export const COMMANDS: Readonly<Record<string, Command>> = {
  check: checkCommand,
};
