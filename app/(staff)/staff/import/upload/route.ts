import { revalidatePath } from 'next/cache';
import { NextResponse, type NextRequest } from 'next/server';
import { requireRole } from '@/server/auth/context';
import { getRequestContext } from '@/server/auth/session';
import { isAppError } from '@/server/errors';
import { isImportKind } from '@/server/registry/import-columns';
import { fileProblem, IMPORT_LIMITS, parseImportFile } from '@/server/registry/import-file';
import { importHouseholdCounts } from '@/server/registry/import-household-counts';
import { importMeasurements } from '@/server/registry/import-measurements';
import { rejected } from '@/server/registry/import-rows';
import type { ImportEvent } from '../_components/import-events';

// The bulk import's adapter. A route handler rather than a server action: a server action's
// body is capped at 1 MB, the import takes files up to 5 MB, and the uploader wants to hear
// "validating" and "importing" while it waits. The response is NDJSON: one event per line.

/** Multipart overhead allowed on top of the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

export async function POST(request: NextRequest) {
  // Same check as server actions and /api/v1: a cookie-authenticated write from another site is refused.
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin && host && hostOf(origin) !== host) return NextResponse.json({ error: 'cross_origin' }, { status: 403 });

  const ctx = await getRequestContext();
  try {
    await requireRole(ctx, 'staff', 'admin');
  } catch (error) {
    if (isAppError(error)) return NextResponse.json({ error: error.messageKey }, { status: error.status });
    throw error;
  }

  if (Number(request.headers.get('content-length') ?? 0) > IMPORT_LIMITS.maxBytes + ENVELOPE_BYTES) {
    return ndjson([{ type: 'result', outcome: rejected([fileProblem('file_too_large', { maxMb: IMPORT_LIMITS.maxBytes / 1024 / 1024 })], 0) }]);
  }
  let kind: FormDataEntryValue | null;
  let file: FormDataEntryValue | null;
  try {
    const form = await request.formData();
    kind = form.get('kind');
    file = form.get('file');
  } catch {
    return ndjson([{ type: 'result', outcome: rejected([fileProblem('file_missing')], 0) }]);
  }
  if (!isImportKind(kind)) return ndjson([{ type: 'result', outcome: rejected([fileProblem('kind_missing')], 0) }]);
  if (!(file instanceof File) || file.size === 0) return ndjson([{ type: 'result', outcome: rejected([fileProblem(file instanceof File ? 'file_empty' : 'file_missing')], 0) }]);
  const upload = file;

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        send({ type: 'phase', phase: 'validating' });
        const parsed = await parseImportFile(kind, upload.name, new Uint8Array(await upload.arrayBuffer()));
        if (!parsed.ok) {
          send({ type: 'result', outcome: rejected(parsed.problems, 0) });
        } else {
          send({ type: 'phase', phase: 'validating', rows: parsed.rows.length });
          const run = kind === 'measurements' ? importMeasurements : importHouseholdCounts;
          const outcome = await run(ctx, parsed.rows, { onProgress: ({ total }) => send({ type: 'phase', phase: 'importing', rows: total }) });
          if (outcome.ok) revalidatePath('/staff', 'layout');
          send({ type: 'result', outcome });
        }
      } catch (error) {
        if (isAppError(error)) {
          // An assignment withdrawn between validation and insert, or the like: nothing was written.
          send({ type: 'result', outcome: rejected([fileProblem('refused', { reason: error.messageKey })], 0) });
        } else {
          console.error(`[${ctx.requestId}] import failed`, error);
          send({ type: 'error', requestId: ctx.requestId });
        }
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: NDJSON_HEADERS });
}

// no-transform keeps the compression layer from holding the events back until the end.
const NDJSON_HEADERS = { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store, no-transform', 'x-accel-buffering': 'no' };

function ndjson(events: ImportEvent[]) {
  return new Response(events.map((event) => `${JSON.stringify(event)}\n`).join(''), { headers: NDJSON_HEADERS });
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
