// The review charts: contact time per step, knee angle over the cycle and the side-view angles per step (side view), hip line over time (rear view).
import { memo } from 'react';
import type { AnalysisResult } from '../../shared/contract';
import { ContactTimeChart, plottedFeet } from './ContactTimeChart';
import { HipLineChart } from './HipLineChart';
import { KneeAngleChart } from './KneeAngleChart';
import { measuredSideAngles, SideAngleChart } from './SideAngleChart';
import './registerCharts';

// Memoised: the review screen re-renders on every video frame, the charts need not.
export const ChartsPanel = memo(function ChartsPanel({ result }: { result: AnalysisResult }) {
  // a contact time measured on neither foot (a rear view's timing is withheld) is no chart: the warnings say why
  const contact = result.metrics.contactTimeMs && plottedFeet(result.metrics.contactTimeMs).length > 0 ? result.metrics.contactTimeMs : undefined;
  const knee = result.curves?.kneeAngleCycleDeg;
  const hip = result.curves?.hipLineDeg;
  const angles = measuredSideAngles(result).length > 0;
  const any = contact || knee || hip || angles;
  return (
    <section className="charts" data-testid="charts" aria-label="Charts">
      {contact && <ContactTimeChart metric={contact} result={result} />}
      {knee && <KneeAngleChart curve={knee} />}
      {angles && <SideAngleChart result={result} />}
      {hip && <HipLineChart curve={hip} events={result.events} steps={result.steps ?? []} />}
      {!any && <p className="muted">No curves in this result.</p>}
    </section>
  );
});
