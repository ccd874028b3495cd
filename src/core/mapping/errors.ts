/** An error the sidebar can show: a stable code, English text, and values for a localised template. */
export class MappingError extends Error {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: string, message: string, params: Readonly<Record<string, string | number>> = {}) {
    super(message);
    this.name = 'MappingError';
    this.code = code;
    this.params = params;
  }
}
