/**
 * The organisation's policy in force: the one place it is kept, as last read from the
 * browser's managed storage (refused or not), for the handlers that lock fields and
 * the diagnostics that say why. Its `enforce` step is what the store runs over every
 * change (entrypoints/background/storage/store.ts receives it from the wiring and knows
 * nothing of the policy: storage does not depend on it).
 */
import type { StoredState } from '@/entrypoints/background/storage/store';
import { enforcePolicy, keepFrozenSettings, type ManagedPolicy, type PolicyReading } from './policy';

/**
 * What the diagnostics say of the organisation's policy: a refused one, or one in force
 * without the values refused alone (`partial`), keeps the reason.
 */
export interface PolicyStatus {
  state: 'none' | 'active' | 'partial' | 'refused';
  reason: string | null;
}

export class PolicyInForce {
  private reading: PolicyReading = { ok: true, policy: null, refused: [] };

  /** The policy in force: its values are written over every change (a refused one is none). */
  get current(): ManagedPolicy | null {
    return this.reading.ok ? this.reading.policy : null;
  }

  /** Puts a policy that was read fine in force. */
  set current(policy: ManagedPolicy | null) {
    this.reading = { ok: true, policy, refused: [] };
  }

  /** Takes the policy as read from the browser's managed storage, refused or not. */
  adopt(reading: PolicyReading): void {
    this.reading = reading;
  }

  /** The policy as last read, for the diagnostics. */
  get status(): PolicyStatus {
    const { reading } = this;
    if (!reading.ok) return { state: 'refused', reason: reading.reason };
    if (reading.refused.length > 0) {
      const reason = reading.refused.map(({ path, reason }) => `${path} : ${reason}`).join(' ; ');
      return { state: 'partial', reason };
    }
    return { state: reading.policy ? 'active' : 'none', reason: null };
  }

  /**
   * The store's policy step, run inside every change: the settings the policy freezes
   * keep their value, then the ones it imposes are written (frozen first, imposed after:
   * a frozen interval still rises to the policy's minimum).
   */
  readonly enforce = (state: StoredState, before: StoredState): void => {
    keepFrozenSettings(state.settings, before.settings, this.current);
    enforcePolicy(state, this.current);
  };
}
