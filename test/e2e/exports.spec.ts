/**
 * The downloads of a calculator page: the model package (.zip) and the FHIR Questionnaire, fetched
 * by clicking the links as a user would, and checked against the committed model.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { readManifest } from '../../src/definitions/models';

const ID = 'ckd-epi-2021';

/** The entries of a zip, by name (central directory; deflate or store). */
function unzip(bytes: Buffer): Map<string, Buffer> {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = bytes.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let k = 0; k < bytes.readUInt16LE(eocd + 10); k++) {
    const method = bytes.readUInt16LE(p + 10);
    const size = bytes.readUInt32LE(p + 20);
    const nameLen = bytes.readUInt16LE(p + 28);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : raw);
    p += 46 + nameLen + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return out;
}

test(`${ID}: the model package and the FHIR Questionnaire download from the page`, async ({ page }) => {
  await page.goto(`c/${ID}/`);
  const list = page.getByTestId('downloads');
  await expect(list).toBeVisible();

  const [zipDl] = await Promise.all([page.waitForEvent('download'), list.getByRole('link', { name: /Model package/ }).click()]);
  expect(zipDl.suggestedFilename()).toBe(`${ID}-model-package.zip`);
  const zipBytes = readFileSync((await zipDl.path())!);
  await expect(list).toContainText(`${ID}-model-package.zip`);
  const files = unzip(zipBytes);
  expect([...files.keys()].sort()).toEqual([`${ID}.calculator.json`, `${ID}.model-card.md`, `${ID}.onnx`]);
  const onnx = files.get(`${ID}.onnx`)!;
  expect(onnx.equals(readFileSync(`models/${ID}.onnx`))).toBe(true);
  expect(createHash('sha256').update(onnx).digest('hex')).toBe(readManifest()[ID].sha256);

  const [qDl] = await Promise.all([page.waitForEvent('download'), list.getByRole('link', { name: /FHIR/ }).click()]);
  expect(qDl.suggestedFilename()).toBe('questionnaire.json');
  const q = JSON.parse(readFileSync((await qDl.path())!, 'utf8'));
  expect(q.resourceType).toBe('Questionnaire');
  expect(q.item.map((i: { linkId: string }) => i.linkId)).toEqual(expect.arrayContaining(['sex', 'age', 'scr', 'egfr']));
  const egfr = q.item.find((i: { linkId: string }) => i.linkId === 'egfr');
  expect(egfr.extension.some((e: { url: string }) => e.url.endsWith('sdc-questionnaire-calculatedExpression'))).toBe(true);
});
