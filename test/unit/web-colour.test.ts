/** The pages' brand colours (web/src/colour.ts): whatever a domain's primary colour, its text stays readable (WCAG AA). */
import { describe, expect, it } from 'vitest';
import { brandColours, contrast } from '../../web/src/colour.ts';

describe('brand colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(['#1f6feb', '#ffd700', '#ffffff', '#000000', '#00ff00', '#7f7f7f', '#b91c1c'])('keeps text readable on and beside %s', (primary) => {
    const { onBrand, brandText } = brandColours(primary);
    // Button text on the brand: the better of white and ink, at least 4.5 for any colour a domain picks
    // except mid-greys, where neither reaches it and the better one is still chosen.
    expect(contrast(onBrand, primary)).toBeGreaterThanOrEqual(Math.max(contrast('#ffffff', primary), contrast('#111827', primary)) - 1e-9);
    expect(contrast(brandText, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('turns button text dark on a light brand and keeps white on a dark one', () => {
    expect(brandColours('#ffd700').onBrand).toBe('#111827');
    expect(brandColours('#1f6feb').onBrand).toBe('#ffffff');
    expect(brandColours('#ffd700').brandText).toBe('#111827');
    expect(brandColours('#1d4ed8').brandText).toBe('#1d4ed8');
  });
});
