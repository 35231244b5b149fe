/** Chart.js, registered once with only what Podium draws (tree-shaken). */
import {
  BarController,
  BarElement,
  CategoryScale,
  BubbleController,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip
} from 'chart.js';

Chart.register(
  LineController,
  BubbleController,
  BarController,
  BarElement,
  CategoryScale,
  LineElement,
  PointElement,
  LinearScale,
  Tooltip,
  Legend,
  Filler
);

/** Theme colours read from the CSS variables (light or dark). */
export function themeColors(): { text: string; muted: string; grid: string; primary: string } {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, d: string) => css.getPropertyValue(name).trim() || d;
  return {
    text: v('--text', '#17202b'),
    muted: v('--muted', '#55606e'),
    grid: v('--border', '#d5dde8'),
    primary: v('--primary', '#1f4e79')
  };
}

export { Chart };
