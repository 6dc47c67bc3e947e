// Hip line angle against the horizontal over time (rear view, result.curves.hipLineDeg, sign as the engine writes
// it). The drop at each mid-stance is what the hip-drop row of the table averages (Bramah 2018; Dingenen 2018).
import { Line } from 'react-chartjs-2';

export function HipLineChart({ curve }: { curve: { timeSec: number[]; deg: number[] } }) {
  const points = curve.timeSec.map((t, i) => ({ x: t, y: Number.isFinite(curve.deg[i]) ? (curve.deg[i] as number) : null }));
  return (
    <figure className="chart" aria-label="Hip line angle over time">
      <Line
        data={{ datasets: [{ label: 'Hip line angle', data: points, borderColor: '#444', borderWidth: 1.5, pointRadius: 0 }] }}
        options={{
          responsive: true, maintainAspectRatio: false, animation: false, parsing: false,
          plugins: { title: { display: true, text: 'Hip line angle over time (rear view)' }, legend: { display: false } },
          scales: {
            x: { type: 'linear', title: { display: true, text: 'Time (s)' } },
            y: { title: { display: true, text: 'Angle to horizontal (°)' } },
          },
        }}
      />
    </figure>
  );
}
