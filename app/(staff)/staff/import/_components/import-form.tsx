'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { headerOf, IMPORT_COLUMNS, IMPORT_KINDS, type ImportKind } from '@/server/registry/import-columns';
import type { ImportProblem } from '@/server/registry/import-file';
import type { ImportEvent } from './import-events';

type Status =
  | { phase: 'idle' }
  | { phase: 'uploading'; percent: number | null }
  | { phase: 'validating'; rows?: number }
  | { phase: 'importing'; rows: number }
  | { phase: 'done'; imported: number; kind: ImportKind }
  | { phase: 'rejected'; problems: ImportProblem[]; problemCount: number; rowCount: number }
  | { phase: 'failed'; reason: 'network' | 'server' | 'signed_out' | 'forbidden'; requestId?: string };

const BUSY = new Set<Status['phase']>(['uploading', 'validating', 'importing']);
const FINISHED = new Set<Status['phase']>(['done', 'rejected', 'failed']);

/** A column key as the file's header writes it, so people find it in their sheet. */
function columnName(column: string | null) {
  if (!column) return '—';
  for (const kind of IMPORT_KINDS) {
    const found = IMPORT_COLUMNS[kind].find((c) => c.key === column);
    if (found) return headerOf(found);
  }
  return column;
}

export function ImportForm({ maxBytes, maxRows }: { maxBytes: number; maxRows: number }) {
  const t = useTranslations();
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const [fileError, setFileError] = useState<string | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const busy = BUSY.has(status.phase);
  const maxMb = maxBytes / 1024 / 1024;

  useEffect(() => {
    if (FINISHED.has(status.phase)) resultRef.current?.focus();
  }, [status.phase]);

  function onEvent(event: ImportEvent, kind: ImportKind) {
    if (event.type === 'phase') {
      setStatus(event.phase === 'importing' ? { phase: 'importing', rows: event.rows ?? 0 } : { phase: 'validating', rows: event.rows });
    } else if (event.type === 'error') {
      setStatus({ phase: 'failed', reason: 'server', requestId: event.requestId });
    } else if (event.outcome.ok) {
      setStatus({ phase: 'done', imported: event.outcome.imported, kind });
      // The file is in; clear it so a second click cannot import it twice.
      const input = formRef.current?.elements.namedItem('file');
      if (input instanceof HTMLInputElement) input.value = '';
    } else {
      setStatus({ phase: 'rejected', problems: event.outcome.problems, problemCount: event.outcome.problemCount, rowCount: event.outcome.rowCount });
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    const kind = data.get('kind') as ImportKind;
    if (!(file instanceof File) || file.size === 0) return setFileError(t('register.import.chooseFile'));
    if (file.size > maxBytes) return setFileError(t('register.importProblems.file_too_large', { maxMb }));
    setFileError(null);
    setStatus({ phase: 'uploading', percent: 0 });

    // XMLHttpRequest, not fetch: it reports upload progress, and its partial responseText
    // delivers the server's NDJSON events as they come.
    const xhr = new XMLHttpRequest();
    let consumed = 0;
    const consume = (final: boolean) => {
      const text = xhr.responseText;
      const end = final ? text.length : text.lastIndexOf('\n') + 1;
      if (end <= consumed) return;
      for (const line of text.slice(consumed, end).split('\n')) {
        if (line.trim()) onEvent(JSON.parse(line) as ImportEvent, kind);
      }
      consumed = end;
    };
    xhr.upload.onprogress = (progress) => setStatus({ phase: 'uploading', percent: progress.lengthComputable ? Math.round((progress.loaded / progress.total) * 100) : null });
    xhr.upload.onload = () => setStatus({ phase: 'validating' });
    // A signed-out upload is redirected to the sign-in page, which the request follows silently.
    const signedOut = () => xhr.status === 401 || new URL(xhr.responseURL || location.href).pathname.startsWith('/sign-in');
    const isEvents = () => (xhr.getResponseHeader('content-type') ?? '').startsWith('application/x-ndjson');
    xhr.onprogress = () => {
      if (xhr.status === 200 && isEvents()) consume(false);
    };
    xhr.onload = () => {
      if (signedOut()) return setStatus({ phase: 'failed', reason: 'signed_out' });
      if (xhr.status === 403 || xhr.status === 404) return setStatus({ phase: 'failed', reason: 'forbidden' });
      if (xhr.status !== 200 || !isEvents()) return setStatus({ phase: 'failed', reason: 'server' });
      try {
        consume(true);
      } catch {
        setStatus({ phase: 'failed', reason: 'server' });
      }
    };
    xhr.onerror = () => setStatus({ phase: 'failed', reason: 'network' });
    xhr.open('POST', '/staff/import/upload');
    xhr.send(data);
  }

  const statusText = (() => {
    switch (status.phase) {
      case 'idle':
        return '';
      case 'uploading':
        return status.percent === null ? t('register.import.status.uploadingUnknown') : t('register.import.status.uploading', { percent: status.percent });
      case 'validating':
        return status.rows === undefined ? t('register.import.status.validating') : t('register.import.status.validatingRows', { rows: status.rows });
      case 'importing':
        return t('register.import.status.importing', { rows: status.rows });
      case 'done':
        return t('register.import.status.done', { rows: status.imported });
      case 'rejected':
        return t('register.import.status.rejected', { count: status.problemCount });
      case 'failed':
        return t(`register.import.status.failed_${status.reason}`);
    }
  })();

  return (
    <div className="space-y-6">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="import-form-heading">
        <fieldset className="space-y-2">
          <legend className="font-medium">{t('register.import.kindLegend')}</legend>
          {IMPORT_KINDS.map((kind, index) => (
            <label key={kind} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-slate-300 p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
              <input
                type="radio"
                name="kind"
                value={kind}
                defaultChecked={index === 0}
                aria-labelledby={`kind-${kind}`}
                aria-describedby={`kind-${kind}-hint`}
                className="mt-1 size-5 shrink-0 accent-brand-700"
              />
              <span>
                <span id={`kind-${kind}`} className="block font-medium">
                  {t(`register.import.kinds.${kind}`)}
                </span>
                <span id={`kind-${kind}-hint`} className="block text-sm text-muted">
                  {t(`register.import.kindHints.${kind}`)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <Field id="import-file" label={t('register.import.fileLabel')} hint={t('register.import.fileHint', { maxMb, maxRows })} errors={fileError ? [fileError] : undefined}>
          {(describedBy, invalid) => (
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1 file:font-medium file:text-brand-800`}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={() => setFileError(null)}
            />
          )}
        </Field>
        <Button type="submit" disabled={busy}>
          {busy ? t('register.import.working') : t('register.import.submit')}
        </Button>
      </form>

      <div className="space-y-2">
        {/* Shown while working; once finished the result below says it, and this stays for screen readers. */}
        <p role="status" aria-live="polite" className={busy ? 'font-medium' : 'sr-only'}>
          {statusText}
        </p>
        {busy ? (
          <progress
            aria-hidden="true"
            className="h-2 w-full max-w-md accent-brand-700"
            max={100}
            value={status.phase === 'uploading' && status.percent !== null ? status.percent : undefined}
          />
        ) : null}
      </div>

      {status.phase === 'done' ? (
        <section aria-labelledby="import-result" className="space-y-2">
          <h2 id="import-result" ref={resultRef} tabIndex={-1} className="text-xl font-bold">
            {t('register.import.doneHeading')}
          </h2>
          <Alert tone="success">{t(`register.import.doneBody.${status.kind}`, { rows: status.imported })}</Alert>
        </section>
      ) : null}

      {status.phase === 'failed' ? (
        <section aria-labelledby="import-result" className="space-y-2">
          <h2 id="import-result" ref={resultRef} tabIndex={-1} className="text-xl font-bold">
            {t('register.import.failedHeading')}
          </h2>
          <Alert tone="error">
            {t(`register.import.status.failed_${status.reason}`)}
            {status.requestId ? <span className="block text-sm">{t('register.import.requestId', { id: status.requestId })}</span> : null}
          </Alert>
        </section>
      ) : null}

      {status.phase === 'rejected' ? (
        <section aria-labelledby="import-result" className="space-y-3">
          <h2 id="import-result" ref={resultRef} tabIndex={-1} className="text-xl font-bold">
            {t('register.import.rejectedHeading', { count: status.problemCount })}
          </h2>
          <Alert tone="error">{t('register.import.rejectedBody', { rows: status.rowCount })}</Alert>
          {status.problemCount > status.problems.length ? <p className="text-sm text-muted">{t('register.import.moreProblems', { shown: status.problems.length, total: status.problemCount })}</p> : null}
          <div className="rounded-md border border-slate-200">
            <table className="w-full table-fixed border-collapse text-left text-sm">
              <colgroup>
                <col className="w-12 sm:w-20" />
                <col className="w-[35%] sm:w-64" />
                <col />
              </colgroup>
              <caption id="problems-caption" className="sr-only">
                {t('register.import.problemsCaption')}
              </caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">{t('register.import.row')}</th>
                  <th scope="col" className="px-3 py-2">{t('register.import.column')}</th>
                  <th scope="col" className="px-3 py-2">{t('register.import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {status.problems.map((problem, index) => (
                  <tr key={index} className="border-t border-slate-200 align-top">
                    <th scope="row" className="px-3 py-2 font-medium tabular-nums">
                      {problem.row ?? t('register.import.wholeFile')}
                    </th>
                    <td className="px-3 py-2 [overflow-wrap:anywhere]">{columnName(problem.column)}</td>
                    <td className="px-3 py-2">{t(problem.key, problem.values)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
