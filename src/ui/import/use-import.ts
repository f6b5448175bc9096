/** Import input: keys → the pure reducer; parsing and importing run in the background. */
import { describeError } from '../hooks.js';
import { useNav } from '../nav.js';
import { useScreenInput } from '../use-screen-input.js';
import { importKey, type ImportOutcome, type ImportStep } from './import-state.js';
import { checkTypedFile } from '../paths.js';

export function useImportInput(slug: string, state: ImportStep, setState: (state: ImportStep) => void, isActive: boolean): void {
  const nav = useNav();
  useScreenInput<ImportStep, ImportOutcome>({
    state,
    setState,
    isActive,
    capturesText: (s) => s.step === 'path' || s.step === 'effective',
    reduce: (s, input, key) => importKey(s, input, key, (typed) => checkTypedFile(typed, nav.cwd)),
    act: (outcome) => {
      if (outcome.kind === 'back') return nav.back();
      if (outcome.kind === 'preview' && outcome.state.step === 'previewing') {
        const next = outcome.state;
        setState(next);
        nav.backend.previewDraft(slug, next.path).then(
          (preview) => setState({ step: 'preview', path: next.path, ...(next.effective ? { effective: next.effective } : {}), preview, scroll: 0 }),
          (error: unknown) => setState({ step: 'failed', path: next.path, message: describeError(error) }),
        );
      }
      if (outcome.kind === 'import' && outcome.state.step === 'importing') {
        const next = outcome.state;
        setState(next);
        nav.backend.importDraft(slug, next.path, next.effective).then(
          (result) => {
            nav.storeChanged();
            setState({ step: 'done', summary: result.summary });
          },
          (error: unknown) => setState({ step: 'failed', path: next.path, message: describeError(error) }),
        );
      }
    },
  });
}
