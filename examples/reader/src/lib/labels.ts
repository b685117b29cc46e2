// The Chinese words the reader shows for the schema's enum values: data, kept in one table per enum.
// `satisfies Record<…>` makes a new enum value in the schema a type error here until it has a label.
import type { AppearanceRole, FactQualifier, LocationKind, MilestoneEvent, ProjectStatus, SearchField, SearchOrder } from '../gql/graphql';

export const roleLabels = {
  PRESIDED: '主持',
  ATTENDED: '出席',
  VISITED: '调研走访',
  ACCOMPANIED: '陪同',
  SPOKE: '讲话',
  MENTIONED: '提及',
  MET: '会见',
} satisfies Record<AppearanceRole, string>;

export const projectStatusLabels = {
  SIGNED: '已签约',
  STARTED: '已开工',
  IN_PRODUCTION: '已投产',
  COMPLETED: '已竣工',
} satisfies Record<ProjectStatus, string>;

export const milestoneLabels = {
  SIGNED: '签约',
  LANDED: '落地',
  STARTED: '开工',
  GROUND_BREAKING: '奠基',
  IN_PRODUCTION: '投产',
  COMPLETED: '竣工',
} satisfies Record<MilestoneEvent, string>;

export const locationKindLabels = {
  PROVINCE: '省',
  CITY: '市',
  DISTRICT: '区县',
  DEVELOPMENT_ZONE: '开发区',
  AREA: '片区',
  PARK: '园区',
  VENUE: '场所',
} satisfies Record<LocationKind, string>;

export const searchFieldLabels = {
  HEADLINE: '标题',
  SUBHEADLINE: '副题',
  KICKER: '引题',
  BODY: '正文',
  CAPTION: '图片说明',
} satisfies Record<SearchField, string>;

export const searchOrderLabels = {
  RELEVANCE: '相关度',
  NEWEST: '最新',
  OLDEST: '最早',
} satisfies Record<SearchOrder, string>;

/** How a qualifier wraps a figure: 约52亿元, 7亿元以上. */
export const qualifierAffixes = {
  EXACT: { prefix: '', suffix: '' },
  AT_LEAST: { prefix: '', suffix: '以上' },
  AT_MOST: { prefix: '', suffix: '以内' },
  APPROXIMATELY: { prefix: '约', suffix: '' },
  MORE_THAN: { prefix: '', suffix: '余' },
} satisfies Record<FactQualifier, { prefix: string; suffix: string }>;

/** Units as the paper prints them; a unit missing here is shown as the API names it. */
export const unitLabels: Record<string, string> = {
  'm²': '平方米',
  month: '个月',
  year: '年',
};
