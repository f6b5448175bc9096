import type { RegisterCommand } from './index.js';
import { BangchimError } from '../../domain/errors.js';

// Placeholder while the store issue is in progress; replaced by the real command.
export const registerImport: RegisterCommand = (program) => {
  program.command('import').description('(import: in progress)').action(() => {
    throw new BangchimError('import is not built yet');
  });
};
