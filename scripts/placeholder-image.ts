import type { BrowserContext } from 'playwright-core';

/** A calm, neutral stand-in photo (SVG) for offline demos and screenshots. */
export function placeholderImage(seed: string): string {
  let h = 0;
  for (const c of seed) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const hue = h % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl(${hue},28%,72%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},22%,48%)"/>
</linearGradient></defs>
<rect width="1200" height="675" fill="url(#g)"/>
<circle cx="930" cy="200" r="90" fill="hsla(${hue},40%,92%,0.55)"/>
<path d="M0 520 L260 380 L470 500 L700 330 L1200 560 L1200 675 L0 675 Z" fill="hsla(${hue},20%,25%,0.45)"/>
</svg>`;
}

/**
 * The sample's photos live on the news site's servers; offline (demos, screenshots, tests), every
 * image request in `context` gets a stand-in instead.
 */
export async function servePlaceholderImages(context: BrowserContext): Promise<void> {
  await context.route(/\.(jpe?g|png|gif|webp)(\?.*)?$/i, (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: placeholderImage(route.request().url()) }),
  );
}
