import { useQuery } from '@apollo/client/react';
import { ArticleList } from '../components/ArticleList';
import { LocationTrail } from '../components/LocationTrail';
import { Pending } from '../components/QueryError';
import { ProjectQuery } from '../lib/documents';
import { formatArea, formatDate, formatFigure, formatMoney } from '../lib/format';
import { milestoneLabels, projectStatusLabels } from '../lib/labels';

/** Figures with units and qualifiers, milestones, where it is, and the reports that name it. */
export function ProjectPage({ id }: { id: string }) {
  const { data, error, loading } = useQuery(ProjectQuery, { variables: { id } });
  const project = data?.projectById;
  if (!project) return <Pending error={error} loading={loading} missing="没有这个项目。" />;

  const summary: [string, string | null][] = [
    ['状态', projectStatusLabels[project.status]],
    ['行业', project.sector ?? null],
    ['建设单位', project.organization?.name ?? null],
    ['总投资', project.totalInvestment != null ? formatMoney(project.totalInvestment) : null],
    ['总建筑面积', project.floorArea != null ? formatArea(project.floorArea) : null],
    ['总占地', project.siteArea != null ? formatArea(project.siteArea) : null],
    ['预计年营业额', project.expectedAnnualRevenue != null ? formatMoney(project.expectedAnnualRevenue) : null],
    ['年利税', project.expectedAnnualTax != null ? formatMoney(project.expectedAnnualTax) : null],
  ];
  return (
    <main data-testid="project-page">
      <h2 data-testid="project-name">{project.name}</h2>
      {project.location && <LocationTrail location={project.location} />}
      {project.aliases.length > 0 && <p className="muted">又称 {project.aliases.join('、')}</p>}
      <dl className="summary">
        {summary.filter(([, value]) => value).map(([label, value]) => (
          <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>

      <h3>数据</h3>
      <table data-testid="facts">
        <thead>
          <tr><th>项目</th><th>数值</th><th>原文</th></tr>
        </thead>
        <tbody>
          {project.facts.map((fact, i) => (
            <tr key={i}>
              <td>{fact.label}</td>
              <td>{formatFigure(fact.value, fact.unit, fact.qualifier)}</td>
              <td className="muted">{fact.printed}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>进展</h3>
      <ol className="milestones" data-testid="milestones">
        {project.milestones.map((milestone, i) => (
          <li key={i}>
            <strong>{milestoneLabels[milestone.event]}</strong> {milestone.date ? formatDate(milestone.date) : '日期未定'}
            <span className="muted">（{milestone.printed}）</span>
          </li>
        ))}
      </ol>

      <h3>相关报道</h3>
      <ArticleList where={{ projects: { some: { id: { eq: id } } } }} />
    </main>
  );
}
