// How to film so the numbers can be trusted (issue 4; frame rate is the floor of timing accuracy: docs/references.md,
// "Frame rate is the floor").
export function CaptureGuide() {
  return (
    <section className="capture-guide" data-testid="capture-guide" aria-label="How to film">
      <h3>How to film</h3>
      <ul>
        <li><strong>Side view</strong>, camera at hip height, for contact times, knee angle and overstride.</li>
        <li><strong>Both sides</strong> when one side clip cannot time both feet (the far foot is hidden behind the near leg):
          film the same run once from the runner&apos;s left and once from the right; each leg is then measured as the near one
          (<code>lopsided analyse left.mp4 right.mp4 --out results</code>).</li>
        <li><strong>Rear view</strong>, camera at pelvis height, for hip drop.</li>
        <li>Phone <strong>level</strong> and still (tripod or shelf), about 3–4 m away.</li>
        <li><strong>Whole body and the belt</strong> in frame, feet never cut off.</li>
        <li>The <strong>highest frame rate</strong> the phone offers (120 or 240 fps if it can; 60 at least).</li>
        <li><strong>20–30 s of steady running</strong> after the runner has settled into the pace.</li>
      </ul>
    </section>
  );
}
