// Infinite scroll: while the sentinel below the list is on screen (or near it) and there is a next page, load
// it. The button does the same for keyboards and for browsers that scroll no further. Each cursor is loaded
// from by scrolling once: a page that brought nothing new never turns into a loop of requests.
import { useEffect, useRef, useState } from 'react';

export function LoadMore({ hasNextPage, cursor, load }: { hasNextPage: boolean; cursor: string | null | undefined; load: () => Promise<unknown> }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const scrolledFrom = useRef<string | null | undefined>(undefined);
  const [visible, setVisible] = useState(false);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver(([entry]) => setVisible(entry?.isIntersecting ?? false), { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const next = () => {
    if (loading || !hasNextPage) return;
    setLoading(true);
    setFailed(null);
    load()
      .catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)))
      .finally(() => setLoading(false));
  };

  // Runs again after each page, so a screen the list does not yet fill keeps loading.
  useEffect(() => {
    if (!visible || failed || loading || !hasNextPage || scrolledFrom.current === cursor) return;
    scrolledFrom.current = cursor;
    next();
  });

  return (
    <div ref={sentinel} className="load-more" data-testid="load-more">
      {failed && <p className="error" role="alert">加载失败：{failed}</p>}
      {hasNextPage ? (
        <button type="button" onClick={next} disabled={loading}>{loading ? '加载中…' : '加载更多'}</button>
      ) : (
        <p className="muted" data-testid="list-end">已全部加载</p>
      )}
    </div>
  );
}
