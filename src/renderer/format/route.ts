// The screen lives in the URL hash so a reload reopens the same job and tab (results stay on disk, issue 4).
export type Tab = 'review' | 'side' | 'sessions';
export type Route = { screen: 'open' } | { screen: 'session' } | { screen: 'job'; jobId: string; tab: Tab };

const TABS: readonly Tab[] = ['review', 'side', 'sessions'];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'job' && parts[1]) {
    const tab = (TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as Tab) : 'review';
    return { screen: 'job', jobId: decodeURIComponent(parts[1]), tab };
  }
  if (parts[0] === 'session') return { screen: 'session' };
  return { screen: 'open' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'open') return '#/open';
  if (route.screen === 'session') return '#/session';
  return `#/job/${encodeURIComponent(route.jobId)}/${route.tab}`;
}
