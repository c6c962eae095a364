/**
 * The organisation's policy read from the browser's managed storage: now, and whenever
 * IT changes it. Managed values win, so they are written over the stored ones at once
 * (and with every later change, policy-in-force.ts `enforce`); the extra portals it
 * lists follow, and again when the user grants or withdraws one.
 */
import { browser } from 'wxt/browser';
import type { Store } from '@/entrypoints/background/storage/store';
import { log } from '@/utils/log';
import type { ExtraPortals } from './extra-portals';
import { readPolicy } from './policy';
import type { PolicyInForce } from './policy-in-force';

export interface ManagedPolicyDeps {
  policy: PolicyInForce;
  store: Store;
  extraPortals: ExtraPortals;
  /** After IT changed the policy: banners, pages, badge and alarms follow. */
  changed: () => Promise<void>;
}

/** Reads the policy and keeps it read; resolves once the first reading is in force (never rejects). */
export function followManagedPolicy({ policy, store, extraPortals, changed }: ManagedPolicyDeps): Promise<void> {
  const syncPortals = () => extraPortals.sync(policy.current?.portalOrigins ?? []);
  const apply = async () => {
    const managed = await browser.storage.managed.get().catch(() => ({}));
    const reading = readPolicy(managed, browser.i18n.getUILanguage());
    policy.adopt(reading);
    if (!reading.ok) log.warn('politique refusée :', reading.reason);
    else if (reading.refused.length > 0) log.warn('valeurs de la politique refusées :', policy.status.reason);
    if (policy.current) await store.update((state) => ({ state, result: null }));
    await syncPortals();
  };
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void apply().then(changed);
  });
  browser.permissions.onAdded.addListener(() => void syncPortals());
  browser.permissions.onRemoved.addListener(() => void syncPortals());
  return apply().catch((error: unknown) => log.error('politique :', error));
}
