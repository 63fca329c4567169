/**
 * Readable colours from a domain's primary colour (WCAG 2 relative luminance and contrast
 * ratio): a brand colour may be too light for white button text, or for text on white.
 */

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const WHITE = '#ffffff';
const INK = '#111827';
/** WCAG AA for normal text. */
const AA = 4.5;

/**
 * The colours the pages derive from a brand colour: text on the brand (white or ink, whichever
 * reads better), and the brand as text on white where it reads (else ink).
 */
export function brandColours(primary: string): { onBrand: string; brandText: string } {
  return {
    onBrand: contrast(primary, WHITE) >= contrast(primary, INK) ? WHITE : INK,
    brandText: contrast(primary, WHITE) >= AA ? primary : INK,
  };
}
