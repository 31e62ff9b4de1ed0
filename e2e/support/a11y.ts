import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * WCAG 2.1 A/AA rules; any serious or critical violation fails with the rule ids, targets and axe's
 * reason (for contrast: the colours and ratio it measured).
 */
export async function expectNoSeriousA11yViolations(page: Page, what: string): Promise<void> {
  await settled(page);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.any.map((a) => a.message).join('; ')})`).join(', ')}`,
    );
  expect(serious, `${what}: accessibility violations`).toEqual([]);
}

export const colorScheme = (page: Page) =>
  page.locator('html').getAttribute('data-mantine-color-scheme');

/**
 * Waits until no CSS animation or transition runs and every open dialog is fully opaque: axe
 * measures contrast with the opacity of the moment, so a modal still fading in reads as white text
 * at 80 % over its button (a contrast failure that is not there once the fade ends).
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    if (document.getAnimations().some((a) => a.playState === 'running')) return false;
    const opaque = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (Number(getComputedStyle(e).opacity) < 1) return false;
      }
      return true;
    };
    return Array.from(document.querySelectorAll<HTMLElement>('[role="dialog"]'))
      .filter((d) => d.getClientRects().length > 0)
      .every(opaque);
  });
}
