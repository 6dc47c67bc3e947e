// jsdom implements neither media playback nor a 2D canvas: the components that use them get inert stand-ins.
export function stubMediaAndCanvas(): void {
  HTMLMediaElement.prototype.pause = function pause() {};
  HTMLMediaElement.prototype.play = function play() { return Promise.resolve(); };
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
}
