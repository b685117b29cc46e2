import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { ArticleCard } from '../components/ArticleCard';
import { pageSize } from '../components/ArticleList';
import { LoadMore } from '../components/LoadMore';
import { QueryError } from '../components/QueryError';
import { Snippet } from '../components/Snippet';
import type { ArticleFilterInput, SearchOrder, SearchQuery as SearchResult } from '../gql/graphql';
import { SearchQuery } from '../lib/documents';
import { formatMonth, monthRange } from '../lib/format';
import { searchFieldLabels, searchOrderLabels } from '../lib/labels';
import { searchHref } from '../lib/router';

// The facets a click narrows by, as URL parameters: official=<id>~<name>, month=2021-07.
const facetKinds = [
  { key: 'official', label: '官员', field: 'officials' },
  { key: 'location', label: '地点', field: 'locations' },
  { key: 'project', label: '项目', field: 'projects' },
  { key: 'journalist', label: '记者', field: 'journalists' },
] as const;

type Facets = NonNullable<SearchResult['search']>['facets'];

function selectedId(value: string): string {
  return value.split('~', 1)[0] ?? value;
}

/** The `where` of the narrowing facets in the URL: every one must hold. */
export function facetFilter(params: URLSearchParams): ArticleFilterInput | undefined {
  const and: ArticleFilterInput[] = [];
  for (const kind of facetKinds)
    for (const value of params.getAll(kind.key)) and.push({ [kind.field]: { some: { id: { eq: selectedId(value) } } } });
  for (const month of params.getAll('month')) and.push({ eventDate: monthRange(month) });
  return and.length ? { and } : undefined;
}

/** The narrowing facets in the URL as kind:id, to show them as chosen. */
function selectedFacets(params: URLSearchParams): Set<string> {
  const keys = [...facetKinds.map((kind) => kind.key), 'month'];
  return new Set(keys.flatMap((key) => params.getAll(key).map((value) => `${key}:${selectedId(value)}`)));
}

function isOrder(value: string | null): value is SearchOrder {
  return value !== null && value in searchOrderLabels;
}

export function SearchPage({ params }: { params: URLSearchParams }) {
  const query = params.get('q')?.trim() ?? '';
  const order = isOrder(params.get('order')) ? (params.get('order') as SearchOrder) : 'RELEVANCE';
  const [draft, setDraft] = useState(query);

  const go = (next: URLSearchParams) => {
    window.location.hash = searchHref(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams({ q: draft.trim() });
    if (order !== 'RELEVANCE') next.set('order', order);
    go(next);
  };
  const withParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.append(key, value);
    return next;
  };
  const without = (key: string, value: string) => {
    const next = new URLSearchParams();
    for (const [k, v] of params) if (!(k === key && v === value)) next.append(k, v);
    return next;
  };
  const withOrder = (value: SearchOrder) => {
    const next = new URLSearchParams(params);
    next.set('order', value);
    return next;
  };

  const chips = [
    ...facetKinds.flatMap((kind) => params.getAll(kind.key).map((value) => ({ key: kind.key, value, label: `${kind.label}：${value.split('~').slice(1).join('~') || '已选'}` }))),
    ...params.getAll('month').map((value) => ({ key: 'month', value, label: `月份：${formatMonth(value)}` })),
  ];

  return (
    <main data-testid="search-page">
      <form className="search-form" onSubmit={submit} role="search">
        <input
          data-testid="search-input"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="如：罗清宇 -部队、防汛 OR 防疫、&quot;重点项目&quot;"
          aria-label="搜索"
        />
        <button type="submit">搜索</button>
      </form>
      <p className="muted hint">空格分隔的词须同时出现；OR 表示其一；-词 排除；"…" 为整句。</p>
      {query && (
        <div className="orders">
          排序：
          {(Object.keys(searchOrderLabels) as SearchOrder[]).map((value) =>
            value === order ? <strong key={value}>{searchOrderLabels[value]}</strong> : <a key={value} href={searchHref(withOrder(value))}>{searchOrderLabels[value]}</a>,
          )}
        </div>
      )}
      {chips.length > 0 && (
        <div className="chips" data-testid="chips">
          {chips.map((chip) => (
            <a key={chip.key + chip.value} className="chip" href={searchHref(without(chip.key, chip.value))} title="去掉这个条件">
              {chip.label} ✕
            </a>
          ))}
        </div>
      )}
      {query ? <Results query={query} order={order} where={facetFilter(params)} selected={selectedFacets(params)} narrow={(key, value) => searchHref(withParam(key, value))} /> : <p className="muted">输入要搜索的词。</p>}
    </main>
  );
}

function Results({ query, order, where, selected, narrow }: { query: string; order: SearchOrder; where?: ArticleFilterInput; selected: Set<string>; narrow: (key: string, value: string) => string }) {
  const { data, error, loading, fetchMore } = useQuery(SearchQuery, { variables: { query, order, where, first: pageSize } });
  if (error) return <QueryError error={error} />;
  if (!data?.search) return loading ? <p className="muted">搜索中…</p> : null;
  const { edges, pageInfo, totalCount, facets } = data.search;
  return (
    <div className="search-results">
      <FacetPanel facets={facets} selected={selected} narrow={narrow} />
      <section>
        <p className="count">
          找到 <strong data-testid="search-total">{totalCount}</strong> 篇
        </p>
        {edges?.map((edge) => (
          <ArticleCard key={edge.node.id} article={edge.node}>
            <ul className="highlights">
              {edge.highlights.map((h, i) => (
                <li key={`${i}:${h.field}`} data-testid="highlight">
                  <span className="field">{searchFieldLabels[h.field]}</span> <Snippet html={h.snippet} />
                </li>
              ))}
            </ul>
          </ArticleCard>
        ))}
        <LoadMore hasNextPage={pageInfo.hasNextPage} cursor={pageInfo.endCursor} load={() => fetchMore({ variables: { after: pageInfo.endCursor } })} />
      </section>
    </div>
  );
}

/** A bucket: a link that narrows the results to it, or, once narrowed to, the bucket as plain text. */
function Bucket({ kind, id, value, label, count, selected, narrow }: { kind: string; id: string; value: string; label: string; count: number; selected: boolean; narrow: (key: string, value: string) => string }) {
  const content = <>{label} <span className="n">{count}</span></>;
  return (
    <li>
      {selected ? (
        <strong aria-current="true" data-testid="facet" data-kind={kind} data-id={id} data-count={count}>{content}</strong>
      ) : (
        <a href={narrow(kind, value)} data-testid="facet" data-kind={kind} data-id={id} data-count={count}>{content}</a>
      )}
    </li>
  );
}

function FacetPanel({ facets, selected, narrow }: { facets: Facets; selected: Set<string>; narrow: (key: string, value: string) => string }) {
  return (
    <aside className="facets" data-testid="facets">
      {facetKinds.map((kind) => (
        <section key={kind.key}>
          <h4>{kind.label}</h4>
          <ul>
            {facets[kind.field].map((bucket) => (
              <Bucket key={bucket.value.id} kind={kind.key} id={bucket.value.id} value={`${bucket.value.id}~${bucket.value.name}`} label={bucket.value.name}
                count={bucket.count} selected={selected.has(`${kind.key}:${bucket.value.id}`)} narrow={narrow} />
            ))}
          </ul>
        </section>
      ))}
      <section>
        <h4>月份</h4>
        <ul>
          {facets.months.map((bucket) => (
            <Bucket key={bucket.month} kind="month" id={bucket.month} value={bucket.month} label={formatMonth(bucket.month)}
              count={bucket.count} selected={selected.has(`month:${bucket.month}`)} narrow={narrow} />
          ))}
        </ul>
      </section>
    </aside>
  );
}
