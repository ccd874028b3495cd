#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (a devDependency), so a clean clone works after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { cli } = await import('../src/cli/main.ts');
process.exitCode = await cli(process.argv.slice(2));
