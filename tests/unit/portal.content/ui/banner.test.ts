/**
 * The banner's UI, drawn in happy-dom with the French messages. happy-dom's events are
 * never trusted, so the UI is drawn as the user would drive it, with a trust rule that
 * accepts test events; the last cases keep the default and show that a page script's
 * events do nothing.
 */
import { fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type BannerActions,
  type BannerModel,
  createBanner,
  EMPTY_BANNER_MODEL,
  UNKNOWN_TEXT,
} from '@/entrypoints/portal.content/ui/Banner';
import { type AcceptsEvent, isUserEvent } from '@/entrypoints/portal.content/ui/event-trust';
import {
  createSendGuardDialog,
  type GuardRequest,
  type SeesDialog,
} from '@/entrypoints/portal.content/ui/SendGuardDialog';
import { createSwitchControls, type SwitchControlsProps } from '@/entrypoints/portal.content/ui/SwitchControls';
import { PERSONAL_COLOUR, textOn, UNKNOWN_COLOUR } from '@/utils/colours';
import { asUser } from '../support';
import { bannerActions, otherMailbox, portalView } from '../views';

afterEach(() => document.body.replaceChildren());

/** The synthetic events of the tests act, as the user's would. */
const asTheUserDrivesIt: AcceptsEvent = () => true;
/** happy-dom has no top layer nor hit testing: the dialog counts as seen unless a test says otherwise. */
const seen: SeesDialog = () => true;

/** Draws the banner in the document; `rerender` draws the next model in place. */
function render(first: BannerModel, act: BannerActions, accepts = asTheUserDrivesIt) {
  const container = document.body.appendChild(document.createElement('div'));
  const rerender = createBanner(container, act, accepts, seen);
  rerender(first);
  return { container, rerender };
}

function renderControls(props: SwitchControlsProps, handlers = { onOpenChange: vi.fn(), onSwitch: vi.fn() }) {
  const controls = createSwitchControls(handlers, asTheUserDrivesIt);
  document.body.append(controls.element);
  controls.update(props);
  return { container: controls.element, rerender: (next: SwitchControlsProps) => controls.update(next) };
}

function renderDialog(
  request: GuardRequest,
  onConfirm = vi.fn(),
  onCancel = vi.fn(),
  accepts = asTheUserDrivesIt,
  sees = seen,
) {
  const dialog = createSendGuardDialog(request, { onConfirm, onCancel }, accepts, sees);
  document.body.append(dialog.element);
  dialog.show();
  return dialog;
}

const HOSTILE = 'Urgences <b>pédiatriques</b> <img src=x onerror="alert(1)">';

function model(partial: Partial<BannerModel>): BannerModel {
  return { ...EMPTY_BANNER_MODEL, ...partial };
}

const actions = bannerActions;

describe('Banner', () => {
  it('says plainly in whose name the page sends, as a status', () => {
    render(model({ view: portalView({}) }), actions());
    expect(screen.getByRole('status').textContent).toBe(
      'Vous échangez au nom du service Secrétariat de cardiologie (cardio@chu.fr)',
    );
  });

  it('has its own wording for the personal mailbox and for an unknown one', () => {
    const personal = portalView({
      kind: 'personal',
      name: 'Noémie Gallorini',
      colour: PERSONAL_COLOUR,
      textColour: '#111111',
    });
    const { rerender } = render(model({ view: personal }), actions());
    expect(screen.getByRole('status').textContent).toContain('Vous échangez en votre nom');
    rerender(model({ view: portalView({ kind: 'unknown', address: null, name: null }) }));
    expect(screen.getByRole('status').textContent).toContain('non reconnue');
    rerender(model({ view: null }));
    expect(screen.getByRole('status').textContent).toContain('vérifie');
  });

  it('renders a hostile name as text', () => {
    const { container } = render(model({ view: portalView({ name: HOSTILE }) }), actions());
    expect(screen.getByRole('status').textContent).toContain(HOSTILE);
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('warns a stale tab and offers to reload, without switch controls', () => {
    const act = actions();
    const { container } = render(
      model({ view: portalView({}, { stale: { address: 'mss@chu.fr', name: 'MSS' } }) }),
      act,
    );
    expect(screen.getByRole('status').textContent).toContain("n'est plus à jour");
    expect(container.querySelector('[data-switch-to]')).toBeNull();
    fireEvent.click(screen.getByText('Recharger'));
    expect(act.reload).toHaveBeenCalledOnce();
  });

  it('collapses to a strip that still names the service, and expands', () => {
    const act = actions();
    const { container } = render(model({ view: portalView({}, { collapsed: true }) }), act);
    expect(container.querySelector('.bar.collapsed')).not.toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Service : Secrétariat de cardiologie');
    fireEvent.click(container.querySelector('[data-action="expand"]') as Element);
    expect(act.setCollapsed).toHaveBeenCalledWith(false);
  });

  it('shows notices in full even when collapsed', () => {
    const error = 'Session Medimail expirée : reconnectez-vous.';
    render(model({ view: portalView({}, { collapsed: true }), error }), actions());
    expect(screen.getByRole('status').textContent).toContain('Session Medimail expirée');
  });

  it('takes its colours from the view, for the bar and the question, and on the unknown grey the text colour textOn gives', () => {
    const { container, rerender } = render(model({ view: portalView({}) }), actions());
    // Set where the bar and the send guard's question both inherit them.
    const colours = container;
    expect([colours.style.getPropertyValue('--bg'), colours.style.getPropertyValue('--fg')]).toEqual([
      '#0072B2',
      '#FFFFFF',
    ]);
    rerender(model({ view: portalView({}, { page: 'login' }) }));
    expect([colours.style.getPropertyValue('--bg'), colours.style.getPropertyValue('--fg')]).toEqual([
      UNKNOWN_COLOUR,
      UNKNOWN_TEXT,
    ]);
    expect(textOn(UNKNOWN_COLOUR)).toBe(UNKNOWN_TEXT);
  });

  it('updates in place: the focused control keeps the focus, the words change only when they differ', () => {
    const view = portalView({}, { others: [otherMailbox(1), otherMailbox(2)] });
    const { container, rerender } = render(model({ view }), actions());
    const button = container.querySelector('[data-switch-to="service2@chu.fr"]') as HTMLElement;
    button.focus();
    const words = container.querySelector('[role=status]')?.firstChild;
    rerender(model({ view: { ...view, others: [otherMailbox(1, { unread: 7 }), otherMailbox(2, { unread: 9 })] } }));
    expect(document.activeElement).toBe(button);
    expect(button.textContent).toContain('9 non lus');
    expect(container.querySelector('[role=status]')?.firstChild).toBe(words);
    rerender(model({ view, activity: { kind: 'switching', name: 'Service 2', address: 'service2@chu.fr' } }));
    expect(container.querySelector('[data-switch-to="service2@chu.fr"]')).toBe(button);
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('SwitchControls', () => {
  it('gives a button per mailbox when there are few, with unread counts heard in words', () => {
    const onSwitch = vi.fn();
    const { container } = renderControls(
      { others: [otherMailbox(1), otherMailbox(2)], open: false, busy: false },
      { onOpenChange: vi.fn(), onSwitch },
    );
    const buttons = container.querySelectorAll('[data-switch-to]');
    expect([...buttons].map((b) => b.getAttribute('data-switch-to'))).toEqual(['service1@chu.fr', 'service2@chu.fr']);
    expect(buttons[1]?.textContent).toContain('2 non lus');
    fireEvent.click(buttons[1] as Element);
    expect(onSwitch).toHaveBeenCalledWith('service2@chu.fr');
  });

  it('gives a menu with a filter for thirty mailboxes', () => {
    const others = Array.from({ length: 30 }, (_, i) => otherMailbox(i + 1));
    const { container, rerender } = renderControls({ others, open: false, busy: false });
    expect(container.querySelectorAll('[data-switch-to]')).toHaveLength(0);
    expect(container.querySelector('.menu-button')?.textContent).toContain('Changer de boîte (30)');
    rerender({ others, open: true, busy: false });
    expect(container.querySelectorAll('[data-switch-to]')).toHaveLength(30);
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'service 2' } });
    expect(container.querySelectorAll('[data-switch-to]').length).toBe(11); // 2, 20–29
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'aucune' } });
    expect(container.querySelector('.empty')?.textContent).toBe('Aucune boîte ne correspond.');
  });

  it('disables switching while a switch is under way', () => {
    const { container } = renderControls({ others: [otherMailbox(1)], open: false, busy: true });
    expect((container.querySelector('[data-switch-to]') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('SendGuardDialog', () => {
  const request = {
    message: 'Ce message partira au nom du service X.',
    confirmLabel: 'Envoyer au nom du service',
    canSilence: true,
  };

  it('is an alert dialog with focus on confirm', () => {
    render(model({ view: portalView({}), guard: request }), actions());
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Ce message partira au nom du service X.');
    expect(document.activeElement?.getAttribute('data-action')).toBe('confirm-send');
  });

  it('confirms with Enter, once, passing the « ne plus demander » choice', () => {
    const onConfirm = vi.fn();
    renderDialog(request, onConfirm);
    fireEvent.click(screen.getByRole('checkbox'));
    const dialog = screen.getByRole('alertdialog');
    fireEvent.keyDown(dialog, { key: 'Enter' });
    fireEvent.keyDown(dialog, { key: 'Enter' });
    fireEvent.click(screen.getByText('Envoyer au nom du service'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onConfirm).toHaveBeenCalledWith(true);
  });

  it('cancels with Escape and with the cancel button', () => {
    const onCancel = vi.fn();
    const onConfirm = vi.fn();
    renderDialog({ ...request, canSilence: false }, onConfirm, onCancel);
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('refuses a confirmation while the dialog is not what the user sees, says so, and shows it again', () => {
    const onConfirm = vi.fn();
    let visible = false;
    const dialog = renderDialog(request, onConfirm, vi.fn(), asTheUserDrivesIt, () => visible);
    const shown = vi.spyOn(dialog.element, 'showModal');
    fireEvent.click(screen.getByText('Envoyer au nom du service'));
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Enter' });
    expect(onConfirm).not.toHaveBeenCalled();
    expect(shown).toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(
      "Cette question était masquée par autre chose : rien n'est parti. Relisez-la, puis répondez.",
    );
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    visible = true;
    fireEvent.click(screen.getByText('Envoyer au nom du service'));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('keeps Tab inside', () => {
    renderDialog(request);
    const [checkbox, , confirm] = screen.getByRole('alertdialog').querySelectorAll<HTMLElement>('button, input');
    confirm?.focus();
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Tab' });
    expect(document.activeElement).toBe(checkbox);
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);
  });
});

describe('events from the page', () => {
  const request = { message: 'Ce message partira au nom du service X.', confirmLabel: 'Envoyer', canSilence: true };
  const userClick = () => asUser(new MouseEvent('click', { bubbles: true, cancelable: true }));

  it('do nothing with the default trust: no switch, confirm, silence, collapse or reload', () => {
    const act = actions();
    const others = Array.from({ length: 5 }, (_, i) => otherMailbox(i + 1));
    const { container, rerender } = render(
      model({ view: { ...portalView({}), others }, switcherOpen: true, guard: request }),
      act,
      isUserEvent,
    );
    fireEvent.click(container.querySelector('[data-switch-to]') as Element);
    fireEvent.click(container.querySelector('.menu-button') as Element);
    fireEvent.keyDown(container.querySelector('.menu') as Element, { key: 'Escape' });
    fireEvent.click(container.querySelector('[data-action="collapse"]') as Element);
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Enter' });
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    fireEvent.click(container.querySelector('[data-action="cancel-send"]') as Element);
    fireEvent.click(container.querySelector('[data-action="confirm-send"]') as Element);
    rerender(model({ view: portalView({}, { stale: { address: null, name: 'MSS' } }) }));
    fireEvent.click(screen.getByText('Recharger'));
    rerender(model({ view: portalView({}), error: 'Erreur' }));
    fireEvent.click(container.querySelector('[data-action="notice"]') as Element);

    for (const action of Object.values(act)) expect(action).not.toHaveBeenCalled();
  });

  it('cannot tick « ne plus demander »: only the user can', () => {
    const onConfirm = vi.fn();
    renderDialog(request, onConfirm, vi.fn(), isUserEvent);
    const checkbox = screen.getByRole('checkbox') as HTMLInputElement;
    const text = screen.getByText('Ne plus demander pour cette boîte aux lettres');
    fireEvent.click(checkbox);
    expect(checkbox.checked).toBe(false);
    fireEvent.click(text);
    fireEvent.change(checkbox, { target: { checked: true } });
    fireEvent(screen.getByText('Envoyer'), userClick());
    expect(onConfirm).toHaveBeenCalledWith(false);

    document.body.replaceChildren();
    renderDialog(request, onConfirm, vi.fn(), isUserEvent);
    fireEvent(screen.getByText('Ne plus demander pour cette boîte aux lettres'), userClick());
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    fireEvent(screen.getByText('Envoyer'), userClick());
    expect(onConfirm).toHaveBeenLastCalledWith(true);
  });

  it('are refused, even trusted, while a label could forward a script’s click', () => {
    const onConfirm = vi.fn();
    renderDialog(request, onConfirm, vi.fn(), isUserEvent);
    const confirm = screen.getByText('Envoyer');
    confirm.id = 'confirm';
    const label = Object.assign(document.createElement('label'), { htmlFor: 'confirm' });
    document.body.append(label);
    fireEvent(confirm, userClick());
    expect(onConfirm).not.toHaveBeenCalled();
    label.remove();
    fireEvent(confirm, userClick());
    expect(onConfirm).toHaveBeenCalledOnce();
  });
});
