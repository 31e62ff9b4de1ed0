import { test, type Locator } from '@playwright/test';

/**
 * A screenshot of a map (or any part of the page), kept with the run's artefacts: written to the
 * test's output folder and attached to the report, whether the test passes or not.
 */
export async function keepScreenshot(part: Locator, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await part.screenshot({ path, animations: 'disabled' });
  await test.info().attach(name, { path, contentType: 'image/png' });
}
