/** Every command module, in the order `bangchim --help` lists them. Add a command by adding its module here. */
import type { Command } from '@commander-js/extra-typings';
import type { CliContext, GlobalOptions } from '../context.js';
import { registerInit } from './init.js';
import { registerParse } from './parse.js';
import { registerImport } from './import.js';
import { registerList } from './list.js';
import { registerLog } from './log.js';
import { registerShow } from './show.js';
import { registerDiff } from './diff.js';
import { registerNotice } from './notice.js';
import { registerCheck } from './check.js';
import { registerVerify } from './verify.js';
import { registerSync } from './sync.js';
import { registerReport } from './report.js';

export type RegisterCommand = (program: Command<[], GlobalOptions>, ctx: CliContext) => void;

export const COMMANDS: RegisterCommand[] = [registerInit, registerParse, registerImport, registerList, registerLog, registerShow, registerDiff, registerNotice, registerCheck, registerVerify, registerSync, registerReport];
