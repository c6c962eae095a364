/**
 * The background's two alarms: the next poll (polling/poll-schedule.ts decides when) and
 * the end of the pause of the announcements (announce/pause.ts). Alarms survive the
 * service worker's sleep; the runner sets them again after a restart (`sync`).
 */
import { browser } from 'wxt/browser';
import { log } from '@/utils/log';

const POLL_ALARM = 'repere-bal:poll';
const PAUSE_ALARM = 'repere-bal:pause-end';

/** Sets an alarm at `when`, or clears it (null). */
type AlarmSetter = (when: number | null) => Promise<void>;

function alarmSetter(name: string): AlarmSetter {
  return async (when) => {
    if (when === null) await browser.alarms.clear(name);
    else await browser.alarms.create(name, { when });
  };
}

export const schedulePoll = alarmSetter(POLL_ALARM);
export const schedulePauseEnd = alarmSetter(PAUSE_ALARM);

export interface AlarmActions {
  poll(): Promise<unknown>;
  endPause(): Promise<unknown>;
}

export function listenToAlarms({ poll, endPause }: AlarmActions): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) poll().catch((error: unknown) => log.error('vérification :', error));
    if (alarm.name === PAUSE_ALARM) endPause().catch((error: unknown) => log.error('fin de la pause :', error));
  });
}
