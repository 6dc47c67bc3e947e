// @vitest-environment jsdom
// Pinning a drawing to the PDF (issue 13): the measuring tools' bar toggles `pinned` on the drawing of the frame on
// screen and saves the whole list with it, so the job's report.pdf is drawn again with that frame.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeasureTools } from '../../../src/renderer/components/MeasureTools';
import { useMeasurements, type MeasurementStore } from '../../../src/renderer/hooks/useMeasurements';
import type { FrameMeasurement } from '../../../src/shared/api';

afterEach(cleanup);

const knee: FrameMeasurement = { id: 'k', kind: 'angle', frame: 5, points: [{ x: 0, y: 0 }, { x: 0, y: 10 }, { x: 10, y: 10 }] };
const other: FrameMeasurement = { id: 'o', kind: 'vertical', frame: 9, points: [{ x: 0, y: 0 }, { x: 3, y: 4 }] };

function Bar({ store, frame }: { store: MeasurementStore; frame: number }) {
  return <MeasureTools state={useMeasurements(store)} frame={frame} />;
}

describe('MeasureTools pin', () => {
  it('pins and unpins the drawing on the frame on screen, saving the list each time', async () => {
    const save = vi.fn(async (_list: FrameMeasurement[]) => undefined);
    const store: MeasurementStore = { load: async () => [knee, other], save };
    render(<Bar store={store} frame={5} />);
    const pin = await screen.findByTestId('measure-pin');
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    expect(pin.textContent).toBe('Pin 90.0° to the PDF');
    act(() => { fireEvent.click(pin); });
    expect(save).toHaveBeenLastCalledWith([{ ...knee, pinned: true }, other]);
    await waitFor(() => expect(screen.getByTestId('measure-pin').getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getByTestId('measure-pinned-count').textContent).toBe('1 pinned to the PDF');
    act(() => { fireEvent.click(screen.getByTestId('measure-pin')); });
    expect(save).toHaveBeenLastCalledWith([{ ...knee, pinned: false }, other]);
    expect(screen.queryByTestId('measure-pinned-count')).toBeNull();
  });
});
