/**
 * One Chart.js chart on a canvas, as a Svelte attachment: `<canvas {@attach chart(() => config)}>`.
 * The chart is created once, its data and options replaced (no animation) whenever what `config`
 * reads changes (data, labels, language), and destroyed with the canvas.
 */
import type { ChartConfiguration, ChartType } from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import { Chart } from './setup';

export function chart<T extends ChartType>(
  config: () => ChartConfiguration<T>,
  /** Called after each draw with the chart (measure, read a scale). */
  drawn?: (c: Chart<T>) => void
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    let instance: Chart<T> | null = null;
    $effect(() => {
      const cfg = config();
      if (!instance) instance = new Chart(canvas, cfg);
      else {
        instance.data = cfg.data;
        if (cfg.options) instance.options = cfg.options;
        instance.update('none');
      }
      drawn?.(instance);
    });
    return () => {
      instance?.destroy();
      instance = null;
    };
  };
}
