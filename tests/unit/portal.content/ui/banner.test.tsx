/**
 * The banner's components, rendered with happy-dom and the French messages. happy-dom's
 * events are never trusted, so the components are rendered as the user would drive them,
 * with a trust provider that accepts test events; one test keeps the default and shows
 * that a page script's events do nothing.
 */
import { cleanup, fireEvent, type RenderOptions, render as renderWithoutUser, screen } from '@testing-library/preact';
import type { ComponentChildren, VNode } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Banner, type BannerModel, EMPTY_BANNER_MODEL } from '@/entrypoints/portal.content/ui/Banner';
import { EventTrust } from '@/entrypoints/portal.content/ui/event-trust';
import { SendGuardDialog } from '@/entrypoints/portal.content/ui/SendGuardDialog';
import { SwitchControls } from '@/entrypoints/portal.content/ui/SwitchControls';
import { PERSONAL_COLOUR } from '@/utils/colours';
import { asUser } from '../support';
import { bannerActions, otherMailbox, portalView } from '../views';

afterEach(cleanup);

function AcceptingTestEvents({ children }: { children?: ComponentChildren }) {
  return <EventTrust.Provider value={() => true}>{children}</EventTrust.Provider>;
}

/** Renders as the user drives it: the synthetic events of the tests act. */
function render(ui: VNode, options: RenderOptions = {}) {
  return renderWithoutUser(ui, { ...options, wrapper: AcceptingTestEvents });
}

const HOSTILE = 'Urgences <b>pédiatriques</b> <img src=x onerror="alert(1)">';

function model(partial: Partial<BannerModel>): BannerModel {
  return { ...EMPTY_BANNER_MODEL, ...partial };
}

const actions = bannerActions;

describe('Banner', () => {
  it('says plainly in whose name the page sends, as a status', () => {
    render(<Banner model={model({ view: portalView({}) })} actions={actions()} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Vous échangez au nom du service Secrétariat de cardiologie (cardio@chu.fr)',
    );
  });

  it('has its own wording for the personal mailbox and for an unknown one', () => {
    const { rerender } = render(
      <Banner
        model={model({
          view: portalView({
            kind: 'personal',
            name: 'Noémie Gallorini',
            colour: PERSONAL_COLOUR,
            textColour: '#111111',
          }),
        })}
        actions={actions()}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain('Vous échangez en votre nom');
    rerender(
      <Banner
        model={model({ view: portalView({ kind: 'unknown', address: null, name: null }) })}
        actions={actions()}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain('non reconnue');
    rerender(<Banner model={model({ view: null })} actions={actions()} />);
    expect(screen.getByRole('status').textContent).toContain('vérifie');
  });

  it('renders a hostile name as text', () => {
    const { container } = render(<Banner model={model({ view: portalView({ name: HOSTILE }) })} actions={actions()} />);
    expect(screen.getByRole('status').textContent).toContain(HOSTILE);
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('warns a stale tab and offers to reload, without switch controls', () => {
    const act = actions();
    const { container } = render(
      <Banner
        model={model({ view: portalView({}, { stale: { address: 'mss@chu.fr', name: 'MSS' } }) })}
        actions={act}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain("n'est plus à jour");
    expect(container.querySelector('[data-switch-to]')).toBeNull();
    fireEvent.click(screen.getByText('Recharger'));
    expect(act.reload).toHaveBeenCalledOnce();
  });

  it('collapses to a strip that still names the service, and expands', () => {
    const act = actions();
    const { container } = render(<Banner model={model({ view: portalView({}, { collapsed: true }) })} actions={act} />);
    expect(container.querySelector('.bar.collapsed')).not.toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Service : Secrétariat de cardiologie');
    fireEvent.click(container.querySelector('[data-action="expand"]') as Element);
    expect(act.setCollapsed).toHaveBeenCalledWith(false);
  });

  it('shows notices in full even when collapsed', () => {
    render(
      <Banner
        model={model({
          view: portalView({}, { collapsed: true }),
          error: 'Session Medimail expirée : reconnectez-vous.',
        })}
        actions={actions()}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain('Session Medimail expirée');
  });
});

describe('SwitchControls', () => {
  it('gives a button per mailbox when there are few, with unread counts heard in words', () => {
    const onSwitch = vi.fn();
    const { container } = render(
      <SwitchControls
        others={[otherMailbox(1), otherMailbox(2)]}
        open={false}
        busy={false}
        onOpenChange={vi.fn()}
        onSwitch={onSwitch}
      />,
    );
    const buttons = container.querySelectorAll('[data-switch-to]');
    expect([...buttons].map((b) => b.getAttribute('data-switch-to'))).toEqual(['service1@chu.fr', 'service2@chu.fr']);
    expect(buttons[1]?.textContent).toContain('2 non lus');
    fireEvent.click(buttons[1] as Element);
    expect(onSwitch).toHaveBeenCalledWith('service2@chu.fr');
  });

  it('gives a menu with a filter for thirty mailboxes', () => {
    const others = Array.from({ length: 30 }, (_, i) => otherMailbox(i + 1));
    const { container, rerender } = render(
      <SwitchControls others={others} open={false} busy={false} onOpenChange={vi.fn()} onSwitch={vi.fn()} />,
    );
    expect(container.querySelectorAll('[data-switch-to]')).toHaveLength(0);
    expect(container.querySelector('.menu-button')?.textContent).toContain('Changer de boîte (30)');
    rerender(<SwitchControls others={others} open busy={false} onOpenChange={vi.fn()} onSwitch={vi.fn()} />);
    expect(container.querySelectorAll('[data-switch-to]')).toHaveLength(30);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'service 2' } });
    expect(container.querySelectorAll('[data-switch-to]').length).toBe(11); // 2, 20–29
  });

  it('disables switching while a switch is under way', () => {
    const { container } = render(
      <SwitchControls others={[otherMailbox(1)]} open={false} busy onOpenChange={vi.fn()} onSwitch={vi.fn()} />,
    );
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
    render(<SendGuardDialog request={request} onConfirm={vi.fn()} onCancel={vi.fn()} />);
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Ce message partira au nom du service X.');
    expect(document.activeElement?.getAttribute('data-action')).toBe('confirm-send');
  });

  it('confirms with Enter, once, passing the « ne plus demander » choice', () => {
    const onConfirm = vi.fn();
    render(<SendGuardDialog request={request} onConfirm={onConfirm} onCancel={vi.fn()} />);
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
    render(<SendGuardDialog request={{ ...request, canSilence: false }} onConfirm={onConfirm} onCancel={onCancel} />);
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});

describe('events from the page', () => {
  const request = { message: 'Ce message partira au nom du service X.', confirmLabel: 'Envoyer', canSilence: true };
  const userClick = () => asUser(new MouseEvent('click', { bubbles: true, cancelable: true }));

  it('do nothing with the default trust: no switch, confirm, silence, collapse or reload', () => {
    const act = actions();
    const others = Array.from({ length: 5 }, (_, i) => otherMailbox(i + 1));
    const { container, rerender } = renderWithoutUser(
      <Banner
        model={model({ view: { ...portalView({}), others }, switcherOpen: true, guard: request })}
        actions={act}
      />,
    );
    fireEvent.click(container.querySelector('[data-switch-to]') as Element);
    fireEvent.click(container.querySelector('.menu-button') as Element);
    fireEvent.keyDown(container.querySelector('.menu') as Element, { key: 'Escape' });
    fireEvent.click(container.querySelector('[data-action="collapse"]') as Element);
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Enter' });
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    fireEvent.click(container.querySelector('[data-action="cancel-send"]') as Element);
    fireEvent.click(container.querySelector('[data-action="confirm-send"]') as Element);
    rerender(
      <Banner model={model({ view: portalView({}, { stale: { address: null, name: 'MSS' } }) })} actions={act} />,
    );
    fireEvent.click(screen.getByText('Recharger'));
    rerender(<Banner model={model({ view: portalView({}), error: 'Erreur' })} actions={act} />);
    fireEvent.click(container.querySelector('[data-action="notice"]') as Element);

    for (const action of Object.values(act)) expect(action).not.toHaveBeenCalled();
  });

  it('cannot tick « ne plus demander »: only the user can', () => {
    const onConfirm = vi.fn();
    renderWithoutUser(<SendGuardDialog request={request} onConfirm={onConfirm} onCancel={vi.fn()} />);
    const checkbox = screen.getByRole('checkbox') as HTMLInputElement;
    const text = screen.getByText('Ne plus demander pour cette boîte aux lettres');
    fireEvent.click(checkbox);
    expect(checkbox.checked).toBe(false);
    fireEvent.click(text);
    fireEvent.change(checkbox, { target: { checked: true } });
    fireEvent(screen.getByText('Envoyer'), userClick());
    expect(onConfirm).toHaveBeenCalledWith(false);

    cleanup();
    renderWithoutUser(<SendGuardDialog request={request} onConfirm={onConfirm} onCancel={vi.fn()} />);
    fireEvent(screen.getByText('Ne plus demander pour cette boîte aux lettres'), userClick());
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    fireEvent(screen.getByText('Envoyer'), userClick());
    expect(onConfirm).toHaveBeenLastCalledWith(true);
  });

  it('are refused, even trusted, while a label could forward a script’s click', () => {
    const onConfirm = vi.fn();
    renderWithoutUser(<SendGuardDialog request={request} onConfirm={onConfirm} onCancel={vi.fn()} />);
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
