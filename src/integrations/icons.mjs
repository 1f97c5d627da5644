/**
 * Draws the site icon (a white cross on teal) and writes the PNGs the web app manifest names.
 * The PNGs are committed under public/icons/; run `node src/integrations/icons.mjs` after changing
 * the drawing. sharp comes with Astro (its image service), so this needs nothing extra.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';

export const THEME_LIGHT = '#0f766e'; // tailwind teal-700, the header link colour
export const THEME_DARK = '#020617'; // tailwind slate-950, the dark page background

/**
 * The icon as SVG. `maskable` fills the whole square and keeps the cross inside the central 80%
 * circle that platforms never crop (https://w3c.github.io/manifest/#icon-masks).
 */
export function iconSvg({ maskable = false } = {}) {
  const r = maskable ? 0 : 96; // rounded corners only where the platform does not mask
  const arm = maskable ? 52 : 64; // half the width of the cross
  const len = maskable ? 150 : 190; // half its length
  const c = 256;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${r}" fill="${THEME_LIGHT}"/>
  <rect x="${c - arm}" y="${c - len}" width="${arm * 2}" height="${len * 2}" rx="16" fill="#fff"/>
  <rect x="${c - len}" y="${c - arm}" width="${len * 2}" height="${arm * 2}" rx="16" fill="#fff"/>
</svg>
`;
}

async function main() {
  mkdirSync('public/icons', { recursive: true });
  writeFileSync('public/icons/icon.svg', iconSvg());
  const out = [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['maskable-512.png', 512, true],
    ['apple-touch-icon-180.png', 180, true],
  ];
  for (const [name, size, maskable] of out) {
    await sharp(Buffer.from(iconSvg({ maskable })))
      .resize(size, size)
      .png({ compressionLevel: 9 })
      .toFile(`public/icons/${name}`);
    console.log(`public/icons/${name} (${size}×${size}${maskable ? ', maskable' : ''})`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
