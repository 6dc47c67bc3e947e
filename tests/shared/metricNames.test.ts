// One name per measure (issue 13: "Overstride (shin angle)" / "Shin angle at foot strike" were one measure under two
// names): the flags, the PDF/CLI formatter and the app's table read the same table.
import { describe, expect, it } from 'vitest';
import { LABEL } from '../../src/analysis/flagMessages';
import { METRIC_NAME } from '../../src/analysis/metricNames';
import { METRIC_LABEL } from '../../src/renderer/format/metricLabels';
import { METRIC_IDS } from '../../src/shared/reportSchema';
import { metricLabel } from '../../src/shared/formatMetric';

describe('metric names', () => {
  it('every door shows each measure under the one name of metricNames.ts, and no two measures share a name by accident', () => {
    for (const id of METRIC_IDS) {
      expect(LABEL[id], id).toBe(METRIC_NAME[id]);
      expect(metricLabel(id), id).toBe(METRIC_NAME[id]);
      expect(METRIC_LABEL[id], id).toBe(METRIC_NAME[id]);
    }
    const names = METRIC_IDS.filter((id) => id !== 'verticalOscillationPx' && id !== 'stepWidthPctHip').map((id) => METRIC_NAME[id]);
    expect(new Set(names).size).toBe(names.length); // px and cm (cm and % of hip width) are one measure in two units
  });
});
