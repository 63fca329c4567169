/**
 * A bench section: one part of BENCHMARKS.md (cold start, warm overhead, scale, load...).
 * `bench/run.ts` runs the sections in order and writes their markdown one after another.
 */

export interface BenchContext {
  /** Project root (absolute). */
  root: string;
  /** Scratch directory for this section's files, under `.bench/` (git-ignored), emptied before the run. */
  workDir: string;
  /** Progress line on stderr. */
  log: (message: string) => void;
}

/** A bar a figure was checked against. */
export interface BarCheck {
  /** What was measured, e.g. `bundle getMe`. */
  subject: string;
  value: number;
  limit: number;
  pass: boolean;
  /** What value and limit count (default: a ratio, printed as `1.23x`). */
  unit?: string;
}

export interface SectionResult {
  /** Markdown of the section, starting with its `##` heading. */
  markdown: string;
  bars: BarCheck[];
}

export interface BenchSection {
  /** Short id, also the name of its scratch directory under `.bench/`. */
  id: string;
  run(context: BenchContext): Promise<SectionResult>;
}
