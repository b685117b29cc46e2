import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** What went wrong, with the server's stable error code where it sent one. */
export function QueryError({ error }: { error: ErrorLike }) {
  const codes = CombinedGraphQLErrors.is(error)
    ? error.errors.map((e) => e.extensions?.['code']).filter((code): code is string => typeof code === 'string')
    : [];
  return (
    <p className="error" role="alert" data-testid="query-error">
      请求失败{codes.length > 0 ? `（${codes.join('、')}）` : ''}：{error.message}
    </p>
  );
}

/** What a page shows while its object is not there: the error, that it is loading, or that there is none. */
export function Pending({ error, loading, missing }: { error?: ErrorLike; loading: boolean; missing: string }) {
  if (error) return <QueryError error={error} />;
  return loading ? <p className="muted">加载中…</p> : <p className="error">{missing}</p>;
}
