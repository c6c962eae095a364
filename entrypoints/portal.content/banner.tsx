/**
 * Feature: the banner, mounted at document_start as the first child of <html> (so it
 * is there at first paint and pushes the portal down rather than covering it), in an
 * open shadow root (`<repere-bal-banner>`, styles kept apart both ways, key events
 * kept from the portal's shortcuts). The host carries `data-kind` and `data-address`.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Banner, type BannerActions, shownKind } from '@/components/Banner';
import { BANNER_CSS } from '@/components/banner-styles';
import type { TabModel, TabState } from './tab-state';

export const BANNER_TAG = 'repere-bal-banner';

function describeHost(host: HTMLElement, model: TabModel): void {
  const kind = shownKind(model.view);
  host.setAttribute('data-kind', kind);
  const address = model.view?.page === 'webmail' ? model.view.active.address : null;
  if (address) host.setAttribute('data-address', address.toLowerCase());
  else host.removeAttribute('data-address');
}

export async function mountBanner(
  ctx: ContentScriptContext,
  tab: TabState,
  actions: BannerActions,
): Promise<ShadowRoot> {
  const ui = await createShadowRootUi<() => void>(ctx, {
    name: BANNER_TAG,
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'first',
    mode: 'open',
    isolateEvents: true,
    css: BANNER_CSS,
    onMount(container, _shadow, host) {
      const update = (model: TabModel) => {
        describeHost(host, model);
        render(<Banner model={model} actions={actions} />, container);
      };
      update(tab.get());
      const unsubscribe = tab.subscribe(update);
      return () => {
        unsubscribe();
        render(null, container);
      };
    },
    onRemove(cleanup) {
      cleanup?.();
    },
  });
  ui.mount();
  return ui.shadow;
}
