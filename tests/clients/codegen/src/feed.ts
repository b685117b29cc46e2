// Typed operations as a front end writes them; tsc --strict proves the generated types and scalar map.
import { request } from 'graphql-request';
import { graphql } from './gql';

export const Feed = graphql(`
  query Feed($first: Int, $after: String) {
    articles(first: $first, after: $after, order: [{ eventDate: DESC }]) {
      nodes { id headline eventDate appearances { role titles official { name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const BigProjects = graphql(`
  query BigProjects($min: Decimal!) {
    projects(where: { totalInvestment: { gte: $min } }) {
      nodes { name totalInvestment floorArea milestones { date event } }
    }
  }
`);

export const PagesIngested = graphql(`
  subscription PagesIngested { pageIngested { edition { date page } articles { headline } } }
`);

export async function latestDates(url: string): Promise<string[]> {
  const data = await request(url, Feed, { first: 5 });
  // LocalDate is a string: this line does not compile if the map leaves it `unknown` or `any`-free.
  return (data.articles?.nodes ?? []).map((article) => article.eventDate ?? '').filter((date: string) => date.length === 10);
}

export async function totalInvestment(url: string): Promise<number> {
  const data = await request(url, BigProjects, { min: 5_000_000_000 });
  // Decimal is a number: arithmetic on it type-checks.
  return (data.projects?.nodes ?? []).reduce((sum, project) => sum + (project.totalInvestment ?? 0), 0);
}
