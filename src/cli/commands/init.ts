import type { RegisterCommand } from './index.js';
import { BangchimError } from '../../domain/errors.js';

// Placeholder while the store issue is in progress; replaced by the real command.
export const registerInit: RegisterCommand = (program) => {
  program.command('init').description('(init: in progress)').action(() => {
    throw new BangchimError('init is not built yet');
  });
};
