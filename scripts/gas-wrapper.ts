/**
 * Renders the top-level Apps Script functions appended after the esbuild bundle. Custom functions get
 * their JSDoc (with @customfunction) from their declaration, so autocomplete text and README never drift.
 */
import type { CustomFunction, ParamSpec } from '../src/core/functions/define.js';

export const GLOBAL_NAME = 'FunnelROI';

function jsdocText(s: string): string {
  // A description must not be able to close the comment it lives in.
  return s.replace(/\*\//gu, '* /').replace(/\s+/gu, ' ').trim();
}

function paramType(fn: CustomFunction, p: ParamSpec): string {
  if (p.choices) return 'string';
  return fn.kind === 'elementwise' ? 'number|Array<Array<number>>' : 'Array<Array<*>>';
}

function paramDoc(fn: CustomFunction, p: ParamSpec): string {
  const optional = p.optional ? `Optional${p.default !== undefined ? `, default ${JSON.stringify(p.default)}` : ''}. ` : '';
  return ` * @param {${paramType(fn, p)}} ${p.name} ${jsdocText(optional + p.description)}`;
}

export function renderCustomFunction(fn: CustomFunction): string {
  const names = fn.params.map((p) => p.name);
  const returnType = fn.kind === 'elementwise' ? 'number|Array<Array<number>>' : '*';
  return [
    '/**',
    ` * ${jsdocText(fn.summary)}`,
    ` * ${jsdocText(`= ${fn.formula}. Example: ${fn.example}`)}`,
    ...fn.params.map((p) => paramDoc(fn, p)),
    ` * @return {${returnType}} ${jsdocText(fn.returns)}`,
    ' * @customfunction',
    ' */',
    `function ${fn.name}(${names.join(', ')}) {`,
    // Every argument, not just the named ones: `=ROMI(100, 50, 1, 999)` must reach the arity check.
    `  return ${GLOBAL_NAME}.customFunctions.${fn.name}.apply(null, arguments);`,
    '}',
  ].join('\n');
}

/** Triggers and google.script.run targets: forward every argument unchanged. */
export function renderForwarder(group: string, name: string, arity: number, doc: string): string {
  // Named parameters only document the call (`onOpen(e)`); every argument is forwarded.
  const params =
    arity === 0 ? '' : arity === 1 && group === 'triggers' ? 'e' : Array.from({ length: arity }, (_, i) => `arg${i + 1}`).join(', ');
  return [
    `/** ${jsdocText(doc)} */`,
    `function ${name}(${params}) {`,
    `  return ${GLOBAL_NAME}.${group}.${name}.apply(null, arguments);`,
    '}',
  ].join('\n');
}
