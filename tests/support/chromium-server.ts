/**
 * One Chromium for every file of a test project (Vitest global setup): started once, each file connects to it
 * (`sharedChromium`) instead of starting a browser of its own, which on CI's two cores costs a second or more
 * per file. Each test still opens its own browser context, so nothing of one file's pages reaches another's.
 */
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { launchChromium, launchChromiumServer } from '../../src/tooling/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the project's shared Chromium listens; absent when the project starts none. */
    chromiumEndpoint?: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await launchChromiumServer();
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}

/**
 * The project's shared Chromium, connected to for this file (its `close()` only disconnects, closing the
 * contexts this file opened), or a Chromium of the file's own where the project starts none.
 */
export async function sharedChromium(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  return endpoint ? chromium.connect(endpoint) : launchChromium();
}
