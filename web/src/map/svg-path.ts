/**
 * A d3-geo path context that writes compact SVG path data: coordinates rounded to a tenth
 * of a unit, relative steps (`m`/`l` with implicit repeats), no leading zeros, repeated
 * points dropped, and rings that collapse below three distinct points left out. At map
 * scale a tenth of a viewBox unit is below a pixel on any screen; the same points take
 * about a third fewer bytes than d3's own absolute `digits(1)` output.
 */
export class CompactPath {
  private out = "";
  /** Where the pen is after the data written so far, in tenths (integers: relative steps never drift). */
  private penX = 0;
  private penY = 0;
  /** The ring being drawn: its text, start, last kept point and count of distinct points. */
  private ring = "";
  private startX = 0;
  private startY = 0;
  private x = 0;
  private y = 0;
  private count = 0;

  /** Steps shorter than this (|dx| + |dy|, in tenths) are skipped; 1 keeps every distinct point. */
  constructor(private readonly minStep = 1) {}

  moveTo(x: number, y: number): void {
    const X = Math.round(x * 10);
    const Y = Math.round(y * 10);
    this.ring = `m${num(X - this.penX)}${sep(Y - this.penY)}${num(Y - this.penY)}`;
    this.x = this.startX = X;
    this.y = this.startY = Y;
    this.count = 1;
  }

  lineTo(x: number, y: number): void {
    const X = Math.round(x * 10);
    const Y = Math.round(y * 10);
    const dx = X - this.x;
    const dy = Y - this.y;
    if (Math.abs(dx) + Math.abs(dy) < this.minStep) return;
    this.ring += (this.count === 1 ? "l" : sep(dx)) + num(dx) + sep(dy) + num(dy);
    this.x = X;
    this.y = Y;
    this.count++;
  }

  closePath(): void {
    if (this.count >= 3) {
      this.out += `${this.ring}z`;
      // After z the pen is back at the ring's start.
      this.penX = this.startX;
      this.penY = this.startY;
    }
    this.ring = "";
    this.count = 0;
  }

  beginPath(): void {
    // Nothing to reset: the land is one path, rings follow one another.
  }

  arc(): void {
    // Only point geometries draw arcs; points are drawn as <circle> elements instead.
  }

  /** The path data so far. */
  result(): string {
    return this.out;
  }
}

/** A tenths integer as the shortest decimal: 5 → ".5", -12 → "-1.2", 30 → "3". */
function num(tenths: number): string {
  const a = Math.abs(tenths);
  const whole = Math.floor(a / 10);
  const frac = a % 10;
  return (tenths < 0 ? "-" : "") + (whole === 0 && frac !== 0 ? "" : String(whole)) + (frac === 0 ? "" : `.${frac}`);
}

/** The separator before a number: a minus sign already separates, otherwise a comma. */
function sep(tenths: number): string {
  return tenths < 0 ? "" : ",";
}
