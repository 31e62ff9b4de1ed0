import { vi } from 'vitest';

/**
 * jsdom lays nothing out (every box is 0×0), so a virtualised list would show no rows at all.
 * Gives every element a viewport-sized client box for the rest of the test (restored afterwards
 * by setup.ts), as a browser window would: the virtualiser measures its viewport by it.
 */
export function withLayout(width = 1024, height = 768): void {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(height);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width);
}
