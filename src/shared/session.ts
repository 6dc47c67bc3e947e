// Sessions of several clips (design.md "Sessions of several clips"): the pure merge runs in the page as well as in
// the engine, so the app can combine finished analyses without another round trip.
export { assignRoles, mergeSession, SessionError, type SessionClip, type SessionClipInput } from '../analysis/mergeSession';
