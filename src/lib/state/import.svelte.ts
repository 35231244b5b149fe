/**
 * The import wizard's state: a chosen file is analysed in the worker (nothing stored), the user
 * reviews encoding, delimiter, header, mapping and the validation report, then commits. Every
 * option change re-analyses (latest wins). Cancel during work terminates the worker; nothing that
 * was saved before is touched until the commit's final switch.
 */
import type { ColumnRole, ColumnType } from '../domain/columns';
import { fmt, t, type MessageKey } from '../i18n/index.svelte';
import { Cancelled, engine } from '../worker/client';
import type {
  AnalyzeResult,
  CommitResult,
  ImportAnalysis,
  ImportOptions
} from '../worker/import-session';
import { isStale } from '../worker/latest';
import type { Progress } from '../worker/protocol';
import { app } from './app.svelte';

export type ImportPhase = 'idle' | 'analyzing' | 'review' | 'committing';

export class ImportState {
  phase = $state<ImportPhase>('idle');
  analysis = $state.raw<ImportAnalysis | null>(null);
  options = $state.raw<ImportOptions>({});
  progress = $state.raw<Progress | null>(null);
  /** Translated error for the last attempt (file refused, commit failed). */
  error = $state<string | null>(null);
  /** Worker-side milliseconds per stage of the last analysis and commit (shown to the bench). */
  timings = $state.raw<Record<string, number>>({});
  private startedAt = 0;

  /** Rows (or bytes) per second of the current stage. */
  rate = $derived.by(() => {
    const p = this.progress;
    if (!p || !this.startedAt) return 0;
    const s = (Date.now() - this.startedAt) / 1000;
    return s > 0 ? p.done / s : 0;
  });

  async choose(file: File): Promise<void> {
    this.options = {};
    this.analysis = null;
    await this.analyze(file);
  }

  private async analyze(file?: File): Promise<void> {
    this.phase = 'analyzing';
    this.error = null;
    this.startedAt = Date.now();
    const client = engine();
    const options = $state.snapshot(this.options) as ImportOptions;
    try {
      const result = await client.latest.run('import', () =>
        client.cancellable(
          (api) =>
            api.importAnalyze(
              { file, options },
              client.progress((p) => {
                if (this.progress?.stage !== p.stage) this.startedAt = Date.now();
                this.progress = p;
              })
            ) as Promise<AnalyzeResult>
        )
      );
      this.progress = null;
      if (!result.ok) {
        this.error = t(`import.error.${result.error}` as MessageKey, {
          size: fmt.bytes(Number(result.detail) || 0),
          detail: result.detail
        });
        this.phase = this.analysis ? 'review' : 'idle';
        return;
      }
      this.analysis = result;
      this.timings = { ...result.timings };
      this.phase = 'review';
    } catch (e) {
      this.progress = null;
      if (isStale(e)) return;
      if (e instanceof Cancelled) {
        this.phase = 'idle';
        this.analysis = null;
        return;
      }
      this.phase = 'idle';
      this.error = t('error.unexpected', { detail: (e as Error).message });
    }
  }

  /** Changes a file-level option (encoding, delimiter, sheet, header row, styles) and re-reads. */
  async setOption(patch: Partial<Omit<ImportOptions, 'columns'>>): Promise<void> {
    this.options = { ...this.options, ...patch };
    if (
      patch.headerRow !== undefined ||
      patch.headerLine !== undefined ||
      patch.sheet !== undefined ||
      patch.delimiter !== undefined ||
      patch.encoding !== undefined
    ) {
      this.options = { ...this.options, columns: undefined };
    }
    await this.analyze();
  }

  /** Sets a column's role and type; a role taken by another column is released there. */
  async setColumn(
    index: number,
    choice: { role?: ColumnRole | null; type?: ColumnType }
  ): Promise<void> {
    const plan = this.analysis?.plan;
    if (!plan) return;
    const columns = plan.columns.map((c) => ({ role: c.role, type: c.type }));
    const target = columns[index];
    if (choice.role !== undefined) {
      if (choice.role !== null) {
        columns.forEach((c, i) => {
          if (i !== index && c.role === choice.role) c.role = null;
        });
      }
      target.role = choice.role;
      // A role imposes its type; back to the data's own type otherwise.
      target.type = choice.type ?? plan.columns[index].inferred;
    }
    if (choice.type !== undefined) target.type = choice.type;
    this.options = { ...this.options, columns };
    await this.analyze();
  }

  async commit(): Promise<void> {
    const a = this.analysis;
    if (!a || a.report.blocking.length > 0) return;
    this.phase = 'committing';
    this.error = null;
    this.startedAt = Date.now();
    const client = engine();
    try {
      const name = a.source.fileName.replace(/\.[^.]+$/, '') || 'Podium';
      const workspaceId = await app.ensureWorkspace(name);
      const result = await client.cancellable(
        (api) =>
          api.importCommit(
            { workspaceId },
            client.progress((p) => (this.progress = p))
          ) as Promise<CommitResult>
      );
      this.progress = null;
      if (!result.ok) {
        this.error = t(`import.error.${result.error}` as MessageKey, { detail: result.detail });
        this.phase = 'review';
        return;
      }
      this.timings = { ...this.timings, ...result.timings };
      const t0 = performance.now();
      await app.reloadActive();
      this.timings = { ...this.timings, reload: Math.round(performance.now() - t0) };
      this.phase = 'idle';
      this.analysis = null;
      this.options = {};
      app.info('import.done', { count: fmt.integer(result.rowCount) });
    } catch (e) {
      this.progress = null;
      this.phase = this.analysis ? 'review' : 'idle';
      if (e instanceof Cancelled) {
        this.error = t('import.cancelledCommit');
        return;
      }
      this.error = t('error.unexpected', { detail: (e as Error).message });
    }
  }

  /** Stops the current stage (worker terminated) or closes the review. */
  async cancel(): Promise<void> {
    if (this.phase === 'analyzing' || this.phase === 'committing') {
      await engine().cancel();
      this.progress = null;
      this.phase = 'idle';
      this.analysis = null;
      return;
    }
    await engine().api.importDiscard();
    this.phase = 'idle';
    this.analysis = null;
    this.options = {};
    this.error = null;
  }
}

export const importer = new ImportState();
