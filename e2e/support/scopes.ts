import type { Locator, Page } from '@playwright/test';

/** The scopes page's list items (the list is named "Scopes"). */
export const scopeItems = (page: Page): Locator =>
  page.getByRole('list', { name: /scopes/i }).getByRole('listitem');
