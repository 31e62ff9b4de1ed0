import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * WCAG 2.1 A/AA rules; any serious or critical violation fails with the rule ids, targets and axe's
 * reason (for contrast: the colours and ratio it measured).
 */
export async function expectNoSeriousA11yViolations(page: Page, what: string): Promise<void> {
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
