import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { assertNoUnplannedRequests, fakeFetch } from './fake-fetch.ts';

// findBy*/waitFor give up after 1 s by default: too tight for a page's first render when the
// machine runs other suites too (2 cores). A passing test does not wait any longer for it.
configure({ asyncUtilTimeout: 5000 });

// jsdom lacks the layout APIs Mantine relies on (matchMedia for color scheme and breakpoints,
// ResizeObserver for floating elements).
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: vi.fn((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = ResizeObserverStub;
window.HTMLElement.prototype.scrollIntoView = vi.fn();
// jsdom throws "Not implemented" when a pseudo-element is asked for; Mantine never needs one.
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => getComputedStyle(element);

// No test reaches the network: until a test plans answers, every request is unplanned.
beforeEach(() => {
  fakeFetch();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.localStorage.clear();
  // Last, so that a failure here still leaves the next test a clean slate.
  assertNoUnplannedRequests();
});
