import type { RegisterCommand } from './index.js';
import { BangchimError } from '../../domain/errors.js';

// Placeholder while the store issue is in progress; replaced by the real command.
export const registerParse: RegisterCommand = (program) => {
  program.command('parse').description('(parse: in progress)').action(() => {
    throw new BangchimError('parse is not built yet');
  });
};
