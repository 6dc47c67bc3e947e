// Chart.js is tree-shaken: register only the pieces the line charts use.
import { CategoryScale, Chart, Filler, Legend, LinearScale, LineElement, PointElement, Title, Tooltip } from 'chart.js';

Chart.register(CategoryScale, LinearScale, PointElement, LineElement, Legend, Tooltip, Title, Filler);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.font.size = 13;
Chart.defaults.color = '#333';
// Point shapes repeat the side so the charts never rely on colour alone (issue 4).
// the same marks as the PDF's charts (report/reportLayout.ts SIDE_STYLE: left circle, right square)
export const SIDE_POINT = { left: 'circle', right: 'rect' } as const;
export const SIDE_DASH = { left: [], right: [6, 4] } as const;
