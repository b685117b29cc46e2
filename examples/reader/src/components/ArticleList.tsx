import { useQuery } from '@apollo/client/react';
import type { ArticleFilterInput } from '../gql/graphql';
import { ArticleListQuery } from '../lib/documents';
import { ArticleCard } from './ArticleCard';
import { LoadMore } from './LoadMore';
import { QueryError } from './QueryError';

export const pageSize = 10;

/** Reports newest first, a page at a time by cursor; the feed, and the reports of an official, project or place. */
export function ArticleList({ where, official, empty = '没有报道' }: { where?: ArticleFilterInput; official?: string; empty?: string }) {
  const { data, error, loading, fetchMore } = useQuery(ArticleListQuery, { variables: { where, first: pageSize } });
  if (error) return <QueryError error={error} />;
  if (!data?.articles) return loading ? <p className="muted">加载中…</p> : null;
  const { edges, pageInfo, totalCount } = data.articles;
  return (
    <section className="article-list">
      <p className="count" data-testid="list-total">共 {totalCount} 篇</p>
      {edges?.length ? edges.map(({ node }) => <ArticleCard key={node.id} article={node} official={official} />) : <p className="muted">{empty}</p>}
      <LoadMore hasNextPage={pageInfo.hasNextPage} cursor={pageInfo.endCursor} load={() => fetchMore({ variables: { after: pageInfo.endCursor } })} />
    </section>
  );
}
