// How to film so the numbers can be trusted (issue 4; frame rate is the floor of timing accuracy: docs/references.md,
// "Frame rate is the floor"). Side camera between knee and hip height, knee height timing the feet best: a camera
// above the feet sees a foot moving sideways as rising or sinking, which times the far foot's toe-off early and the
// near foot's late; the RBDS runs refilmed from 0.5 m instead of 0.9 m halve that contact-time left − right bias
// (e.g. −7.3 → −4.4 ms) while the knee, shin and thigh angles move by under 0.3° (`npx tsx
// scripts/validate/cameraHeight.ts`, docs/references.md "Camera height").
export function CaptureGuide() {
  return (
    <section className="capture-guide" data-testid="capture-guide" aria-label="How to film">
      <h3>How to film</h3>
      <ul>
        <li><strong>Side view</strong>, camera between knee and hip height (knee height times the feet best), for contact times, knee angle and overstride.</li>
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
