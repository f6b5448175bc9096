import type { RegisterCommand } from './index.js';
import { BangchimError } from '../../domain/errors.js';

// Placeholder while the store issue is in progress; replaced by the real command.
export const registerLog: RegisterCommand = (program) => {
  program.command('log').description('(log: in progress)').action(() => {
    throw new BangchimError('log is not built yet');
  });
};
