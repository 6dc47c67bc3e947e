// Choose a clip by button or by dropping it. Only the video types ffmpeg and browsers both play are offered, and
// keypoint CSVs (time_s, <name>_x/_y/_score: results of other pose tools or lab data, analysed without pose).
import { useRef, useState, type DragEvent } from 'react';

export const VIDEO_EXTENSIONS: readonly string[] = ['mp4', 'mov', 'm4v', 'webm'];

export function isVideoFileName(name: string): boolean {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return VIDEO_EXTENSIONS.includes(ext);
}

/** A clip Lopsided can analyse: a video, or a keypoint CSV. */
export function isClipFileName(name: string): boolean {
  return isVideoFileName(name) || name.toLowerCase().endsWith('.csv');
}

export function DropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [rejected, setRejected] = useState<string | null>(null);
  const take = (file: File | undefined): void => {
    if (!file) return;
    if (!isClipFileName(file.name)) { setRejected(file.name); return; }
    setRejected(null);
    onFile(file);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    if (!disabled) take(e.dataTransfer.files[0]);
  };
  return (
    <div className={`drop-zone ${over ? 'over' : ''}`} data-testid="drop-zone"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <p className="drop-title">Drop a treadmill running video here</p>
      <p className="muted">MP4, MOV, M4V or WebM (or a keypoint CSV)</p>
      <button type="button" className="primary" disabled={disabled} onClick={() => input.current?.click()}>Choose video…</button>
      <input ref={input} type="file" className="visually-hidden" data-testid="open-video-input"
        accept="video/*,.mp4,.mov,.m4v,.webm,.csv" aria-label="Video file"
        onChange={(e) => { take(e.target.files?.[0]); e.target.value = ''; }} />
      {rejected && <p className="warn-text" role="alert">“{rejected}” is not a video Lopsided can read (use MP4, MOV, M4V or WebM, or a keypoint CSV).</p>}
    </div>
  );
}
