/**
 * `npm run setup -- SCRIPT_ID`: writes .clasp.json (not committed: it names one person's script) from
 * .clasp.json.example, so `npm run deploy` pushes dist/ to that Apps Script project. Without an id it
 * checks .clasp.json (deploy's first step) and, when it is missing, prints the exact first-deploy steps
 * (README, "First deploy").
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Apps Script ids are long base64url-ish strings (Project Settings ▸ IDs ▸ Script ID). */
const SCRIPT_ID = /^[A-Za-z0-9_-]{25,100}$/u;

export const FIRST_DEPLOY_STEPS = [
  'FunnelROI first deploy — nothing is pushed until these are done:',
  '  1. Turn on "Google Apps Script API" for your account: https://script.google.com/home/usersettings',
  '  2. npx clasp login',
  '  3. Either make a new spreadsheet with its own script:',
  '       npm run build && npx clasp create --type sheets --title "FunnelROI" --rootDir dist',
  '     or attach to an existing spreadsheet: open it, Extensions ▸ Apps Script, Project Settings ▸ IDs,',
  '     copy the Script ID, then:',
  '       npm run setup -- <SCRIPT_ID>',
  '  4. npm run deploy        (tests, builds dist/, then clasp push --force)',
  '  5. In the Apps Script editor: Deploy ▸ Test deployments ▸ Select type: Editor Add-on ▸ Create new test,',
  '     Version "Latest code", Config "Installed and enabled", Test document: your spreadsheet ▸ Save test,',
  '     then select the test and Execute. FunnelROI appears under Extensions in that spreadsheet.',
].join('\n');

export interface SetupResult {
  readonly code: number;
  readonly output: string;
}

export function setupClasp(args: readonly string[], root: string): SetupResult {
  const force = args.includes('--force');
  const id = args.find((a) => !a.startsWith('--'));
  const target = join(root, '.clasp.json');
  if (id === undefined) {
    // Also the first step of `npm run deploy`: stop with the steps rather than let clasp fail or prompt.
    const current = existsSync(target) ? (JSON.parse(readFileSync(target, 'utf8')) as { scriptId?: unknown }).scriptId : undefined;
    if (typeof current === 'string' && SCRIPT_ID.test(current)) return { code: 0, output: `.clasp.json: script ${current}.` };
    const why =
      current === undefined ? 'There is no .clasp.json yet.' : `.clasp.json has no valid scriptId (${String(current).slice(0, 60)}).`;
    return { code: 1, output: `${why}\n${FIRST_DEPLOY_STEPS}` };
  }
  if (!SCRIPT_ID.test(id)) {
    return {
      code: 2,
      output: `"${id.slice(0, 120)}" is not an Apps Script id (25–100 letters, digits, - or _; Project Settings ▸ IDs ▸ Script ID).`,
    };
  }
  if (existsSync(target) && !force) {
    return { code: 2, output: '.clasp.json already exists; run `npm run setup -- <SCRIPT_ID> --force` to replace it.' };
  }
  const example = JSON.parse(readFileSync(join(root, '.clasp.json.example'), 'utf8')) as Record<string, unknown>;
  writeFileSync(target, `${JSON.stringify({ ...example, scriptId: id }, null, 2)}\n`);
  return {
    code: 0,
    output: `Wrote .clasp.json for script ${id} (rootDir ${String(example.rootDir)}). Next: npx clasp login (once), then npm run deploy.`,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = setupClasp(process.argv.slice(2), resolve(dirname(fileURLToPath(import.meta.url)), '..'));
  (result.code === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
  process.exitCode = result.code;
}
