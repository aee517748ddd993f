/**
 * The browser's own permission prompt, answered the way a person does: with real key presses
 * (xdotool) in a headed Chromium on the virtual display the e2e command starts (xvfb-run).
 * Chromium focuses "Deny" (the safe default); Tab moves to "Allow".
 */
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';

export function requireDisplay(): void {
  if (!process.env.DISPLAY) throw new Error('No DISPLAY: run the e2e suite under xvfb-run (npm test does)');
}

/** Chromium shows the prompt a moment after the request (it draws it inside the browser window,
 * so there is no X window to wait for); then answer it. */
export async function answerPrompt(page: Page, answer: 'allow' | 'deny'): Promise<void> {
  await page.waitForTimeout(2000);
  execFileSync('xdotool', answer === 'allow' ? ['key', 'Tab', 'Return'] : ['key', 'Return']);
}
