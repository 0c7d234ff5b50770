import { Cron } from 'croner';
import type { FunctionRunner, InvocationOutcome } from './functions/runner';

/**
 * Timer triggers from each function's `config.json` (`triggers: [{ name, type: "timer", config }]`),
 * in CloudBase's 7-field cron syntax (second minute hour day month weekday year), evaluated in
 * China Standard Time as in CloudBase.
 */
export const TIMER_TIMEZONE = 'Asia/Shanghai';

export function timerEvent(triggerName: string, at: Date): Record<string, unknown> {
  return { Type: 'Timer', TriggerName: triggerName, Time: at.toISOString(), Message: '' };
}

export function parseTimer(pattern: string): Cron {
  return new Cron(pattern, { mode: '7-part', timezone: TIMER_TIMEZONE, paused: true });
}

export class Timers {
  private readonly jobs: Cron[] = [];

  constructor(
    private readonly runner: FunctionRunner,
    private readonly log: (line: string) => void,
  ) {}

  /** Checks every trigger's syntax; throws naming the function and trigger. */
  validate(): void {
    this.start(false);
  }

  /** Checks every trigger's syntax; schedules them when `run` is true. */
  start(run: boolean): void {
    for (const name of this.runner.names()) {
      for (const trigger of this.runner.config(name).triggers) {
        let job: Cron;
        try {
          job = parseTimer(trigger.config);
        } catch (error) {
          throw new Error(
            `${name}/config.json: trigger ${trigger.name} has an invalid cron "${trigger.config}": ${(error as Error).message}`,
          );
        }
        job.stop();
        if (!run) continue;
        this.jobs.push(
          new Cron(trigger.config, { mode: '7-part', timezone: TIMER_TIMEZONE, protect: true }, async () => {
            const outcome = await this.fire(name, trigger.name);
            this.log(`timer ${name}/${trigger.name}: ${outcome.status}`);
          }),
        );
      }
    }
  }

  /** Fires one trigger now (the first of the function's triggers when none is named). */
  fire(functionName: string, triggerName?: string): Promise<InvocationOutcome> {
    const triggers = this.runner.config(functionName).triggers;
    const trigger = triggerName ? triggers.find((t) => t.name === triggerName) : triggers[0];
    if (!trigger) {
      return Promise.resolve({
        status: 'error',
        reason: 'threw',
        detail: `${functionName} has no timer trigger ${triggerName ?? ''}`,
      });
    }
    return this.runner.invoke(functionName, {
      event: timerEvent(trigger.name, new Date()),
      trigger: 'timer',
    });
  }

  stop(): void {
    this.jobs.forEach((job) => job.stop());
    this.jobs.length = 0;
  }
}
