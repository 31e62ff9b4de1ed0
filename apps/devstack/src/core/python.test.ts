import { describe, expect, it } from 'vitest';
import { findPython, parsePythonVersion, requirementsHash } from './python.ts';

describe('python discovery', () => {
  it('then the printed version_info is parsed', () => {
    expect(parsePythonVersion('3 11\n')).toEqual({ major: 3, minor: 11 });
    expect(parsePythonVersion('garbage')).toBeUndefined();
  });

  it('when the named python does not exist, then the error says what to install', async () => {
    await expect(findPython('/nonexistent/python3')).rejects.toThrow(
      /apt-get install python3 python3-venv/,
    );
  });

  it('then the requirements stamp changes exactly when the file changes', () => {
    expect(requirementsHash('a==1\n')).toBe(requirementsHash('a==1\n'));
    expect(requirementsHash('a==1\n')).not.toBe(requirementsHash('a==2\n'));
  });
});
