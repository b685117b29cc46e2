import type { ReactNode } from 'react';
import type { ArticleCardFieldsFragment } from '../gql/graphql';
import { formatDate } from '../lib/format';
import { roleLabels } from '../lib/labels';
import { href } from '../lib/router';

/** A report as the lists show it: headline lines, date, edition and page, and who appears in which role. */
export function ArticleCard({ article, official, children }: { article: ArticleCardFieldsFragment; official?: string; children?: ReactNode }) {
  return (
    <article className="card" data-testid="article" data-id={article.id}>
      {article.kicker && <p className="kicker">{article.kicker}</p>}
      <h3>{article.headline}</h3>
      {article.subheadline && <p className="subheadline">{article.subheadline}</p>}
      <p className="meta">
        <time dateTime={article.eventDate ?? undefined}>{formatDate(article.eventDate)}</time>
        {article.edition && (
          <span>
            {' · '}《{article.edition.newspaper}》{formatDate(article.edition.date)} 第{article.page}版
          </span>
        )}
      </p>
      {article.appearances.length > 0 && (
        <ul className="appearances">
          {article.appearances.map((appearance, i) => (
            <li key={`${i}:${appearance.official.id}`} className={appearance.official.id === official ? 'current' : undefined}>
              <span className="role">{roleLabels[appearance.role]}</span>
              <a href={href('official', appearance.official.id)} data-testid="official-link">{appearance.official.name}</a>
              {appearance.titles.length > 0 && <span className="titles">{appearance.titles.join('、')}</span>}
            </li>
          ))}
        </ul>
      )}
      {(article.projects.length > 0 || article.locations.length > 0) && (
        <p className="tags">
          {article.projects.map((project) => (
            <a key={project.id} className="tag project" href={href('project', project.id)} data-testid="project-link">{project.name}</a>
          ))}
          {article.locations.map((location) => (
            <a key={location.id} className="tag" href={href('location', location.id)} data-testid="location-link">{location.name}</a>
          ))}
        </p>
      )}
      {children}
    </article>
  );
}
