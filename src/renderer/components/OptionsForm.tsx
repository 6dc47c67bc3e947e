// Analysis options: pose model, camera view and the optional belt speed (which alone gives step and stride
// length: a single camera cannot measure distance, and the engine never guesses it).
import { useId } from 'react';
import type { AnalyseVideoOptions, PoseModelChoice } from '../../shared/contract';
import { SPEED_UNITS, type SpeedUnit } from '../format/beltSpeed';

export interface OptionsState {
  model: PoseModelChoice;
  view: AnalyseVideoOptions['view'];
  speedText: string;
  speedUnit: SpeedUnit;
  /** Optional names: the session is listed and the PDF titled by them (never by the upload's file name alone). */
  sessionName: string;
  runnerName: string;
}

const MODELS: readonly { id: PoseModelChoice; label: string }[] = [
  { id: 'auto', label: 'Best for the view (recommended)' },
  { id: 'heavy', label: 'BlazePose heavy (most accurate side-view feet, slow)' },
  { id: 'full', label: 'BlazePose full (about 3× faster than heavy)' },
  { id: 'lite', label: 'BlazePose lite (fast)' },
  { id: 'movenet-thunder', label: 'MoveNet Thunder (no heel/toe points)' },
  { id: 'movenet-lightning', label: 'MoveNet Lightning (no heel/toe points)' },
];

export function OptionsForm({ value, onChange, speedError }: { value: OptionsState; onChange: (v: OptionsState) => void; speedError: boolean }) {
  const id = useId();
  return (
    <fieldset className="options-form">
      <legend>Options</legend>
      <label htmlFor={`${id}-session`}>Session name (optional)</label>
      <input id={`${id}-session`} data-testid="option-session-name" maxLength={120} placeholder="e.g. Before orthotics"
        value={value.sessionName} onChange={(e) => onChange({ ...value, sessionName: e.target.value })} />
      <label htmlFor={`${id}-runner`}>Runner (optional)</label>
      <input id={`${id}-runner`} data-testid="option-runner-name" maxLength={120} placeholder="Name or code"
        value={value.runnerName} onChange={(e) => onChange({ ...value, runnerName: e.target.value })} />
      <label htmlFor={`${id}-model`}>Pose model</label>
      <select id={`${id}-model`} data-testid="option-model" value={value.model}
        onChange={(e) => onChange({ ...value, model: e.target.value as PoseModelChoice })}>
        {MODELS.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
      </select>
      {value.model === 'auto' && (
        <p className="hint" data-testid="model-hint">
          BlazePose heavy from the side (it times foot contacts within a frame), full from behind. Heavy is slower:
          about 8 video frames per second on a laptop.
        </p>
      )}
      <label htmlFor={`${id}-view`}>Camera view</label>
      <select id={`${id}-view`} data-testid="option-view" value={value.view}
        onChange={(e) => onChange({ ...value, view: e.target.value as AnalyseVideoOptions['view'] })}>
        <option value="auto">Detect automatically</option>
        <option value="side">Side view</option>
        <option value="rear">Rear view</option>
      </select>
      <label htmlFor={`${id}-speed`}>Belt speed (optional)</label>
      <span className="speed-input">
        <input id={`${id}-speed`} data-testid="option-belt-speed" inputMode="decimal" placeholder="e.g. 12"
          value={value.speedText} aria-invalid={speedError} onChange={(e) => onChange({ ...value, speedText: e.target.value })} />
        <select aria-label="Speed unit" data-testid="option-belt-unit" value={value.speedUnit}
          onChange={(e) => onChange({ ...value, speedUnit: e.target.value as SpeedUnit })}>
          {SPEED_UNITS.map((u) => <option key={u} value={u}>{u}</option>)}
        </select>
      </span>
      <p className="hint">
        {speedError
          ? <span className="warn-text">Enter the treadmill's speed as a number (e.g. 12 km/h), or leave it empty.</span>
          : 'With the treadmill speed, Lopsided also gives step and stride length, and (side view) the bounce in cm. Without it they are left out or kept in pixels, never guessed.'}
      </p>
    </fieldset>
  );
}
