// Every operation the reader sends. Each becomes a trusted document (its SHA-256 is its id), so the reader
// sends hashes, never document text, and a server in trusted-only mode runs exactly these.
import { graphql } from '../gql';

export const ArticleCardFields = graphql(`
  fragment ArticleCardFields on Article {
    id
    kicker
    headline
    subheadline
    eventDate
    page
    edition { id newspaper date page }
    appearances(first: 20) {
      role
      titles
      official { id name }
    }
    locations(first: 5) { id name }
    projects(first: 5) { id name }
  }
`);

/** Newest first: event date, then id to break ties, so that the keyset cursor has one total order. */
export const ArticleListQuery = graphql(`
  query ArticleList($where: ArticleFilterInput, $first: Int!, $after: String) {
    articles(where: $where, order: [{ eventDate: DESC }, { id: DESC }], first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node { ...ArticleCardFields }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const SearchQuery = graphql(`
  query Search($query: String!, $where: ArticleFilterInput, $order: SearchOrder, $first: Int!, $after: String) {
    search(query: $query, where: $where, order: $order, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        score
        highlights { field snippet }
        node { ...ArticleCardFields }
      }
      pageInfo { hasNextPage endCursor }
      facets(top: 8) {
        total
        officials { value { id name } count }
        locations { value { id name } count }
        projects { value { id name } count }
        journalists { value { id name } count }
        months { month count }
      }
    }
  }
`);

export const OfficialQuery = graphql(`
  query Official($id: ID!) {
    officialById(id: $id) {
      id
      name
      aliases
      currentTitles
      articleCount
      positions(first: 50, order: [{ firstSeen: ASC }]) {
        title
        firstSeen
        lastSeen
        organization { id name }
      }
    }
  }
`);

export const LocationChainFields = graphql(`
  fragment LocationChainFields on Location {
    id
    name
    kind
    parent { id name kind parent { id name kind parent { id name kind parent { id name kind } } } }
  }
`);

export const ProjectQuery = graphql(`
  query Project($id: ID!) {
    projectById(id: $id) {
      id
      name
      aliases
      status
      sector
      totalInvestment
      floorArea
      siteArea
      expectedAnnualRevenue
      expectedAnnualTax
      organization { id name }
      location { ...LocationChainFields }
      facts(first: 50) { label value unit qualifier printed }
      milestones(first: 50, order: [{ date: ASC }]) { date event printed }
    }
  }
`);

export const LocationQuery = graphql(`
  query Location($id: ID!) {
    locationById(id: $id) {
      ...LocationChainFields
      aliases
      children(first: 50, order: [{ name: ASC }]) { id name kind }
      projects(first: 50, order: [{ totalInvestment: DESC }]) { id name status totalInvestment }
    }
  }
`);
