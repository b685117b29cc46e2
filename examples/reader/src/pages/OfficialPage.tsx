import { useQuery } from '@apollo/client/react';
import { ArticleList } from '../components/ArticleList';
import { Pending } from '../components/QueryError';
import type { AppearanceRole } from '../gql/graphql';
import { OfficialQuery } from '../lib/documents';
import { formatDate } from '../lib/format';
import { roleLabels } from '../lib/labels';
import { href } from '../lib/router';

function isRole(value: string | null): value is AppearanceRole {
  return value !== null && value in roleLabels;
}

/** Titles over time, then the reports the official appears in, newest first, narrowed to one role by the tabs. */
export function OfficialPage({ id, params }: { id: string; params: URLSearchParams }) {
  const { data, error, loading } = useQuery(OfficialQuery, { variables: { id } });
  const role = isRole(params.get('role')) ? (params.get('role') as AppearanceRole) : null;
  const official = data?.officialById;
  if (!official) return <Pending error={error} loading={loading} missing="没有这位官员。" />;

  const roleHref = (value: AppearanceRole | null) => `${href('official', id)}${value ? `?role=${value}` : ''}`;
  return (
    <main data-testid="official-page">
      <h2 data-testid="official-name">{official.name}</h2>
      {official.currentTitles.length > 0 && <p className="lead">{official.currentTitles.join('、')}</p>}
      <p className="muted">
        见于 {official.articleCount} 篇报道{official.aliases.length > 0 && `；又作 ${official.aliases.join('、')}`}
      </p>

      <h3>职务</h3>
      <table className="positions" data-testid="positions">
        <thead>
          <tr><th>职务</th><th>所属</th><th>首见</th><th>末见</th></tr>
        </thead>
        <tbody>
          {official.positions.map((position) => (
            <tr key={position.title + (position.organization?.id ?? '')}>
              <td>{position.title}</td>
              <td>{position.organization?.name ?? '—'}</td>
              <td>{formatDate(position.firstSeen)}</td>
              <td>{formatDate(position.lastSeen)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>报道</h3>
      <nav className="tabs" aria-label="按角色">
        {role === null ? <strong>全部</strong> : <a href={roleHref(null)}>全部</a>}
        {(Object.keys(roleLabels) as AppearanceRole[]).map((value) =>
          value === role ? <strong key={value}>{roleLabels[value]}</strong> : <a key={value} href={roleHref(value)}>{roleLabels[value]}</a>,
        )}
      </nav>
      <ArticleList
        official={id}
        where={{ appearances: { some: { official: { id: { eq: id } }, ...(role ? { role: { eq: role } } : {}) } } }}
        empty={role ? `没有“${roleLabels[role]}”的报道` : '没有报道'}
      />
    </main>
  );
}
