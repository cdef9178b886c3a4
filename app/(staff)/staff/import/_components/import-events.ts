import type { ImportOutcome } from '@/server/registry/import-rows';

/** What /staff/import/upload streams back, one JSON object per line (NDJSON). */
export type ImportEvent =
  | { type: 'phase'; phase: 'validating' | 'importing'; rows?: number }
  | { type: 'result'; outcome: ImportOutcome }
  | { type: 'error'; requestId: string };
