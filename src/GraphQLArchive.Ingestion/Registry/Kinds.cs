namespace GraphQLArchive.Ingestion.Registry;

public enum JournalistRole { Reporter, Photographer }

public enum LocationKind { Province, City, District, DevelopmentZone, Area, Park, Venue }

public enum OrganizationKind { PartyCommittee, Government, Military, University, Company, Committee, Other }

public enum ProjectStatus { Signed, Started, InProduction, Completed }

/// <summary>How a printed figure is qualified: 以上 → AtLeast, 以下 → AtMost, 约 → Approximately, 多 → MoreThan.</summary>
public enum FactQualifier { Exact, AtLeast, AtMost, Approximately, MoreThan }

/// <summary>签约 / 落地 / 开工 / 奠基 / 投产 / 建成.</summary>
public enum MilestoneEvent { Signed, Landed, Started, GroundBreaking, InProduction, Completed }
