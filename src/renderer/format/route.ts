// The screen lives in the URL hash so a reload reopens the same job and tab (results stay on disk, issue 4).
export type Tab = 'review' | 'side' | 'sessions';
export type Route = { screen: 'open' } | { screen: 'session' } | { screen: 'job'; jobId: string; tab: Tab }
  | { screen: 'runners' } | { screen: 'runner'; runnerId: string };

const TABS: readonly Tab[] = ['review', 'side', 'sessions'];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'job' && parts[1]) {
    const tab = (TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as Tab) : 'review';
    return { screen: 'job', jobId: decodeURIComponent(parts[1]), tab };
  }
  if (parts[0] === 'session') return { screen: 'session' };
  if (parts[0] === 'runners') return { screen: 'runners' };
  if (parts[0] === 'runner' && parts[1]) return { screen: 'runner', runnerId: decodeURIComponent(parts[1]) };
  return { screen: 'open' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'open') return '#/open';
  if (route.screen === 'session') return '#/session';
  if (route.screen === 'runners') return '#/runners';
  if (route.screen === 'runner') return `#/runner/${encodeURIComponent(route.runnerId)}`;
  return `#/job/${encodeURIComponent(route.jobId)}/${route.tab}`;
}
