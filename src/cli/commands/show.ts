import type { RegisterCommand } from './index.js';
import { BangchimError } from '../../domain/errors.js';

// Placeholder while the store issue is in progress; replaced by the real command.
export const registerShow: RegisterCommand = (program) => {
  program.command('show').description('(show: in progress)').action(() => {
    throw new BangchimError('show is not built yet');
  });
};
