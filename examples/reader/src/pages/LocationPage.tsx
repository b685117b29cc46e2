import { useQuery } from '@apollo/client/react';
import { ArticleList } from '../components/ArticleList';
import { LocationTrail } from '../components/LocationTrail';
import { Pending } from '../components/QueryError';
import { LocationQuery } from '../lib/documents';
import { formatMoney } from '../lib/format';
import { locationKindLabels, projectStatusLabels } from '../lib/labels';
import { href } from '../lib/router';

/** The places inside it, its projects, and the reports that name it. */
export function LocationPage({ id }: { id: string }) {
  const { data, error, loading } = useQuery(LocationQuery, { variables: { id } });
  const location = data?.locationById;
  if (!location) return <Pending error={error} loading={loading} missing="没有这个地点。" />;
  return (
    <main data-testid="location-page">
      <h2 data-testid="location-name">{location.name}</h2>
      <LocationTrail location={location} />
      {location.aliases.length > 0 && <p className="muted">又称 {location.aliases.join('、')}</p>}

      {location.children.length > 0 && (
        <>
          <h3>下辖</h3>
          <ul className="inline" data-testid="children">
            {location.children.map((child) => (
              <li key={child.id}><a href={href('location', child.id)}>{child.name}</a><small>（{locationKindLabels[child.kind]}）</small></li>
            ))}
          </ul>
        </>
      )}

      {location.projects.length > 0 && (
        <>
          <h3>项目</h3>
          <ul data-testid="projects">
            {location.projects.map((project) => (
              <li key={project.id}>
                <a href={href('project', project.id)}>{project.name}</a>
                <span className="muted"> {projectStatusLabels[project.status]}{project.totalInvestment != null && ` · 总投资${formatMoney(project.totalInvestment)}`}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>相关报道</h3>
      <ArticleList where={{ locations: { some: { id: { eq: id } } } }} />
    </main>
  );
}
