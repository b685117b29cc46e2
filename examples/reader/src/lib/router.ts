// A hash router: #/search?q=…, #/official/<id>. The page is static files, so any server can host it.
import { useEffect, useState } from 'react';

export interface Route {
  /** The path's segments, decoded: ['official', '<id>']. */
  segments: string[];
  params: URLSearchParams;
}

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const changed = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

/** The href of a page: href('official', id) → #/official/<id>. */
export function href(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}

export function searchHref(params: URLSearchParams): string {
  return `#/search?${params.toString()}`;
}
