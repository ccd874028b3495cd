#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (a devDependency), so a clean clone works after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`funnel-roi: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
