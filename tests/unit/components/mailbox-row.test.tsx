/**
 * The popup's mailbox rows (components/MailboxRow.tsx): a watched mailbox whose count no
 * check can see says so on its row (`data-unwatchable`), in words a screen reader gives
 * with the mailbox's name; the others say nothing of it.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MailboxList } from '@/components/MailboxRow';
import type { Overview } from '@/utils/protocol/messages';

const row = (address: string, name: string, extra: Partial<Overview['mailboxes'][number]>) => ({
  address,
  name,
  kind: 'organisational' as const,
  colour: '#0072B2',
  textColour: '#FFFFFF',
  unread: null,
  watched: true,
  active: false,
  ...extra,
});

afterEach(cleanup);

describe('mailbox rows', () => {
  it('say which watched mailboxes the portal gives no count for', () => {
    const opened: string[] = [];
    const { container } = render(
      <MailboxList
        mailboxes={[
          row('mss@esante-occitanie.fr', 'MSS eSanté Occitanie', { active: true, unread: 2, unwatchable: false }),
          row('bloc@esante-occitanie.fr', 'Bloc opératoire', { unwatchable: true }),
          row('noemie@esante-occitanie.fr', 'Noémie Gallorini', { kind: 'personal', watched: false }),
        ]}
        onOpen={(address) => opened.push(address)}
      />,
    );
    const notes = [...container.querySelectorAll('[data-unwatchable]')];
    expect(notes.map((note) => note.closest('[data-mailbox]')?.getAttribute('data-mailbox'))).toEqual([
      'bloc@esante-occitanie.fr',
    ]);
    const button = screen.getByRole('button', { name: /Bloc opératoire/ });
    expect(button.textContent).toContain(
      "Le portail n'indique pas les non-lus de cette boîte ; ils seront vus quand elle sera ouverte",
    );
    button.click();
    expect(opened).toEqual(['bloc@esante-occitanie.fr']);
    expect(container.querySelector('[data-mailbox="mss@esante-occitanie.fr"]')?.hasAttribute('data-active')).toBe(true);
  });
});
