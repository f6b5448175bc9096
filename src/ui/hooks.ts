/** Shared hooks: terminal size with resize, and background tasks that never block input. */
import { useEffect, useRef, useState, type DependencyList } from 'react';
import { useStdout } from 'ink';
import { BangchimError } from '../domain/errors.js';

export interface Size {
  columns: number;
  rows: number;
}

/** The terminal's size, updated on resize; `fixed` overrides it (tests render at 80 and 200 columns). */
export function useTerminalSize(fixed?: Size): Size {
  const { stdout } = useStdout();
  const read = (): Size => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState<Size>(fixed ?? read());
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  }, [stdout, fixed]);
  return fixed ?? size;
}

export type Task<T> = { status: 'loading' } | { status: 'done'; value: T } | { status: 'failed'; message: string };

/**
 * Runs `work` after render (so the frame appears first) and again when `deps` change. `ready` may give
 * the value at once (work done before the screen was drawn): the first run then renders it and skips `work`.
 */
export function useTask<T>(work: () => Promise<T>, deps: DependencyList, ready?: () => T | undefined): Task<T> {
  const [task, setTask] = useState<Task<T>>(() => {
    const value = ready?.();
    return value === undefined ? { status: 'loading' } : { status: 'done', value };
  });
  const generation = useRef(0);
  const readyAtFirst = useRef(task.status === 'done');
  useEffect(() => {
    if (readyAtFirst.current) {
      readyAtFirst.current = false;
      return;
    }
    const mine = ++generation.current;
    // Unchanged when already loading (the first run): no second render of a frame that is already drawn.
    setTask((task) => (task.status === 'loading' ? task : { status: 'loading' }));
    // Yield to the event loop first: input and the spinner keep running while git works.
    const timer = setImmediate(() => {
      work().then(
        (value) => {
          if (generation.current === mine) setTask({ status: 'done', value });
        },
        (error: unknown) => {
          if (generation.current === mine) setTask({ status: 'failed', message: describeError(error) });
        },
      );
    });
    return () => {
      clearImmediate(timer);
      generation.current++;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return task;
}

/** An error as one line a person can act on: what, where, and what to do. */
export function describeError(error: unknown): string {
  if (error instanceof BangchimError) {
    return [error.message, error.where ? `(${error.where})` : '', error.hint ? `: ${error.hint}` : ''].filter(Boolean).join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}
