// graphql-inspector rule: standard introspection carries no applied directives (@listSize on a field,
// @specifiedBy on a scalar: its URL is compared as specifiedByURL), so against the SDL file each usage looks
// removed. Drops only those removals; every other difference still counts.
export default function introspectionHasNoAppliedDirectives({ changes }) {
  return changes.filter((change) => !(change.type.startsWith('DIRECTIVE_USAGE_') && change.type.endsWith('_REMOVED')));
}
