/** The what-if curve's path: a score as steps, a continuous result as segments (issue 16, item 8). */
import { describe, expect, test } from 'vitest';
import { curvePath } from '../../src/components/WhatIf';

const id = (v: number) => v;

describe('curvePath', () => {
  test('a points score (whole numbers) is drawn as steps, each jump halfway between its samples', () => {
    expect(
      curvePath(
        [
          [0, 1],
          [2, 1],
          [4, 3],
          [6, 3],
        ],
        id,
        id,
      ),
    ).toBe('M0.0,1.0 L3.0,1.0 L3.0,3.0 L6.0,3.0');
  });

  test('a continuous result is drawn as straight segments between samples', () => {
    expect(
      curvePath(
        [
          [0, 1.5],
          [2, 2.25],
          [4, 3],
        ],
        id,
        id,
      ),
    ).toBe('M0.0,1.5 L2.0,2.3 L4.0,3.0');
  });
});
