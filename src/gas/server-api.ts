/** Server functions the sidebar calls through google.script.run. Filled in by the sidebar feature. */
export const serverApi: Record<string, (...args: never[]) => unknown> = {};
