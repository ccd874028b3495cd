/**
 * ScriptApp's trigger subset: installable time-driven triggers (newTrigger(fn).timeBased().everyHours/
 * everyDays/atHour.create()), getProjectTriggers, deleteTrigger. Triggers belong to the user who made
 * them; an add-on may run a time-driven trigger at most once an hour and keep one per user and document
 * (Google: "Installable triggers", https://developers.google.com/apps-script/guides/triggers/installable,
 * and "Triggers for Editor add-ons", https://developers.google.com/workspace/add-ons/concepts/editor-triggers).
 * Firing one is a test/UI hook (fireTimeTriggers) that runs its handler as a cold execution with no
 * active spreadsheet, as Apps Script does for clock triggers.
 */
import { counted } from './calls.js';
import type { Document } from './document.js';

export interface TriggerState {
  readonly uid: string;
  readonly handler: string;
  readonly owner: string;
  readonly everyHours: number | null;
  readonly everyDays: number | null;
  readonly atHour: number | null;
}

/** Apps Script's per-user, per-script limit on installable triggers. */
export const MAX_TRIGGERS_PER_USER = 20;

export class TriggerImpl {
  constructor(readonly _state: TriggerState) {}
  getUniqueId(): string {
    return this._state.uid;
  }
  getHandlerFunction(): string {
    return this._state.handler;
  }
  getEventType(): string {
    return 'CLOCK';
  }
  getTriggerSource(): string {
    return 'CLOCK';
  }
}

class ClockTriggerBuilderImpl {
  private hours: number | null = null;
  private days: number | null = null;
  private hour: number | null = null;

  constructor(
    private readonly doc: Document,
    private readonly handler: string,
  ) {}

  everyMinutes(minutes: number): never {
    void minutes;
    // Add-ons may not run time-driven triggers more often than hourly.
    throw new Error('Add-ons may use time-driven triggers at most once an hour: use everyHours(1) or longer.');
  }
  everyHours(n: number): ClockTriggerBuilderImpl {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new Error(`Invalid argument: everyHours(${n}) must be 1, 2, 4, 6, 8 or 12`);
    this.hours = n;
    return this;
  }
  everyDays(n: number): ClockTriggerBuilderImpl {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid argument: everyDays(${n})`);
    this.days = n;
    return this;
  }
  atHour(h: number): ClockTriggerBuilderImpl {
    if (!Number.isInteger(h) || h < 0 || h > 23) throw new Error(`Invalid argument: atHour(${h})`);
    this.hour = h;
    return this;
  }
  create(): TriggerImpl {
    if (this.hours === null && this.days === null) throw new Error('local runtime: a time-driven trigger needs everyHours or everyDays');
    const owner = this.doc.options.userEmail;
    if (this.doc.triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS_PER_USER) {
      throw new Error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    const state: TriggerState = {
      uid: String(this.doc.newId() * 7919),
      handler: this.handler,
      owner,
      everyHours: this.hours,
      everyDays: this.days,
      atHour: this.hour,
    };
    this.doc.triggers.push(state);
    return counted(new TriggerImpl(state), 'Trigger', this.doc.calls);
  }
}

class TriggerBuilderImpl {
  constructor(
    private readonly doc: Document,
    private readonly handler: string,
  ) {}
  timeBased(): ClockTriggerBuilderImpl {
    return counted(new ClockTriggerBuilderImpl(this.doc, this.handler), 'ClockTriggerBuilder', this.doc.calls);
  }
}

export class ScriptAppImpl {
  readonly EventType = Object.freeze({
    CLOCK: 'CLOCK',
    ON_OPEN: 'ON_OPEN',
    ON_EDIT: 'ON_EDIT',
    ON_CHANGE: 'ON_CHANGE',
    ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  });

  constructor(protected readonly doc: Document) {}

  newTrigger(functionName: string): TriggerBuilderImpl {
    this.doc.requireScope('ScriptApp.newTrigger', 'script.scriptapp');
    if (typeof functionName !== 'string' || functionName === '') throw new Error('Invalid argument: functionName');
    return counted(new TriggerBuilderImpl(this.doc, functionName), 'TriggerBuilder', this.doc.calls);
  }
  /** The current user's triggers of this project (another user's are invisible to them). */
  getProjectTriggers(): TriggerImpl[] {
    this.doc.requireScope('ScriptApp.getProjectTriggers', 'script.scriptapp');
    return this.doc.triggers
      .filter((t) => t.owner === this.doc.options.userEmail)
      .map((t) => counted(new TriggerImpl(t), 'Trigger', this.doc.calls));
  }
  deleteTrigger(trigger: TriggerImpl): void {
    this.doc.requireScope('ScriptApp.deleteTrigger', 'script.scriptapp');
    const uid = trigger.getUniqueId();
    const i = this.doc.triggers.findIndex((t) => t.uid === uid && t.owner === this.doc.options.userEmail);
    if (i >= 0) this.doc.triggers.splice(i, 1);
  }
}
