import type { RegisterCommand } from './index.js';
import { BangchimError } from '../../domain/errors.js';

// Placeholder while the store issue is in progress; replaced by the real command.
export const registerList: RegisterCommand = (program) => {
  program.command('list').description('(list: in progress)').action(() => {
    throw new BangchimError('list is not built yet');
  });
};
