/** What the function tests share: a declared function by name, a column of values, the message a call throws. */
import { CUSTOM_FUNCTIONS } from '../../src/core/functions/registry.js';

export const fn = (name: string) => {
  const f = CUSTOM_FUNCTIONS.find((x) => x.name === name);
  if (!f) throw new Error(`no ${name}`);
  return (...args: unknown[]) => f.invoke(...args);
};

export const col = (...v: unknown[]) => v.map((x) => [x]);

export const err = (call: () => unknown): string => {
  try {
    call();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};
