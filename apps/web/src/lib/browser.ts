/**
 * Full-page navigations, behind an object so tests can spy on them (jsdom's `location` methods
 * cannot be replaced).
 */
export const browser = {
  assign(url: string): void {
    window.location.assign(url);
  },
  reload(): void {
    window.location.reload();
  },
};
