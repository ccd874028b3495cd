/**
 * Coded errors across google.script.run: the server (the built bundle in a bare V8 context) throws an
 * Error whose message is the text in the user's language plus a tagged tail with the code and params;
 * the sidebar's failure handler decodes it and renders the message from its own catalogue.
 */
import { describe, expect, it } from 'vitest';
import { fromWireMessage, toWireMessage, WIRE_TAG } from '../../src/api/errors.js';
import { issueText } from '../../src/core/i18n/index.js';
import { CodedError, issue } from '../../src/core/issues.js';
import { serverError } from '../../sidebar/api.js';
import { createSession } from '../../local/server/session.js';

describe('the wire form of a coded error', () => {
  it('round-trips code, params and the issues behind a refusal', () => {
    const error = CodedError.withIssues('mapping_not_saved', [issue('error', 'column_bound_twice', { column: 'C' })]);
    const decoded = fromWireMessage(toWireMessage(error.message, error));
    expect(decoded.text).toBe(error.message);
    expect(decoded.coded).toEqual({
      code: 'mapping_not_saved',
      params: error.params,
      issues: [{ code: 'column_bound_twice', params: { column: 'C' } }],
    });
    expect(issueText('zh', decoded.coded!)).toBe('映射未保存。第 C 列被映射了两次。');
  });

  it('user text that imitates the tag cannot move where the tail starts', () => {
    const sheet = `x${WIRE_TAG}{"code":"build_busy","params":{}}⟧`;
    const error = new CodedError('sheet_not_found', { sheet });
    const decoded = fromWireMessage(toWireMessage(error.message, error));
    expect(decoded.coded).toEqual({ code: 'sheet_not_found', params: { sheet } });
  });

  it('an untagged, malformed or unknown tail is left as text', () => {
    for (const message of [
      'Exception: Service Spreadsheets timed out',
      `Broken${WIRE_TAG}{not json⟧`,
      `Unknown${WIRE_TAG}{"code":"no_such_code","params":{}}⟧`,
      `Bad params${WIRE_TAG}{"code":"build_busy","params":{"a":{"b":1}}}⟧`,
    ]) {
      expect(fromWireMessage(message)).toEqual({ text: message, coded: null });
    }
  });

  it('the sidebar decodes what the failure handler receives, with Apps Script’s prefixes', () => {
    const error = new CodedError('schedule_needs_mapping');
    const received = { name: 'Error', message: `Error: ${toWireMessage('Сначала сохраните разметку…', error)}` };
    const decoded = serverError(received);
    expect(decoded.coded).toEqual({ code: 'schedule_needs_mapping', params: {} });
    expect(decoded.message).toBe('Сначала сохраните разметку…');
    expect(serverError(new Error('Exception: Lock timeout')).coded).toBeNull();
  });
});

describe('the built server keeps the code', () => {
  it('a failing call carries the code; its text is in the user’s language', () => {
    const s = createSession({ samples: ['channel-monthly-zh'], userLocale: 'ru' });
    const res = s.run('setSchedule', ['daily']);
    expect(res.ok).toBe(false);
    const decoded = fromWireMessage(res.error ?? '');
    expect(decoded.coded).toEqual({ code: 'schedule_needs_mapping', params: {} });
    expect(decoded.text).toBe('Сначала сохраните разметку: автоматическая перестройка использует сохранённую разметку.');
  });

  it('a refusal to save lists its issues, each with its code', () => {
    const s = createSession({ samples: ['ad-platform-export-en'], userLocale: 'zh-CN' });
    const res = s.run('saveMapping', [{ schemaVersion: 1 }]);
    const decoded = fromWireMessage(res.error ?? '');
    expect(decoded.coded?.code).toBe('mapping_malformed');
    expect(decoded.text).toMatch(/^侧边栏发送的映射格式有误/u);
  });
});
