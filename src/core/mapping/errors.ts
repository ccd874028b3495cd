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

/** A refusal that carries the issues behind it (a mapping that fails validation), each with its own code. */
export class IssuesError extends MappingError {
  readonly issues: readonly {
    readonly code: string;
    readonly message: string;
    readonly params?: Readonly<Record<string, string | number>>;
  }[];

  constructor(code: string, message: string, issues: IssuesError['issues'], params: Readonly<Record<string, string | number>> = {}) {
    super(code, message, { ...params, problems: issues.map((i) => i.message).join(' ') });
    this.name = 'IssuesError';
    this.issues = issues;
  }
}
