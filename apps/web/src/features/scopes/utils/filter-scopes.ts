/** Case-insensitive substring match; an empty or blank filter keeps everything. */
export function filterScopes(scopes: readonly string[], filter: string): string[] {
  const needle = filter.trim().toLowerCase();
  return needle ? scopes.filter((scope) => scope.toLowerCase().includes(needle)) : [...scopes];
}
