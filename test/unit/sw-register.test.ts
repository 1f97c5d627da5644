/** What the page says about offline storage: ready, or what is not yet available (issue 16, item 8). */
import { describe, expect, test } from 'vitest';
import { missingParts, OFFLINE_READY, offlineMessage } from '../../src/components/sw-register';

describe('offline messages', () => {
  test('ready says so in plain words', () => {
    expect(OFFLINE_READY).toMatch(/^Ready to work offline/);
  });

  test('failed files are named as a user knows them, under any base path', () => {
    const urls = [
      'https://x.test/bedside/models/meld-3.onnx',
      'https://x.test/bedside/c/cockcroft-gault/index.html',
      'https://x.test/bedside/_astro/ort-wasm-simd.wasm',
      'https://x.test/bedside/_astro/index.abc.js',
      'https://x.test/bedside/models/meld-3.onnx',
      42,
      'not a url',
    ];
    expect(missingParts(urls, '/bedside/')).toEqual(['the meld-3 model', 'the cockcroft-gault page', 'the engine for trained models', 'site files']);
    expect(missingParts(['https://x.test/models/gcs.onnx'], '/')).toEqual(['the gcs model']);
  });

  test('the incomplete message says what is not yet available, and that the site still works online', () => {
    expect(offlineMessage(7, 180, 30, ['the meld-3 model', 'the gcs page'])).toBe(
      'Offline use is not ready: 7 of 180 files did not arrive intact (a network filter or a broken download). Not yet available offline: the meld-3 model, the gcs page and more. The calculators still work while you are online; trying again in 30 s.',
    );
    expect(offlineMessage(-1, 0, 30)).toBe('Offline use could not be set up. The calculators still work while you are online; trying again in 30 s.');
  });
});
