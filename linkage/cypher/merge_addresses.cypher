// Fold an Address written with a typo into the canonical Address of the same dwelling: move every
// relationship (keeping its source record and properties), keep the written forms and the old key as an
// alias that later loads resolve to, then remove the emptied node. Person records are untouched.
UNWIND $pairs AS pair
MATCH (old:Address {key: pair.old}), (new:Address {key: pair.new})
CALL (old, new) {
  MATCH (x)-[r:LIVES_AT]->(old)
  MERGE (x)-[moved:LIVES_AT {source: r.source, source_id: r.source_id}]->(new)
  SET moved += properties(r)
  DELETE r
}
CALL (old, new) {
  MATCH (x)-[r:REGISTERED_AT]->(old)
  MERGE (x)-[moved:REGISTERED_AT {source: r.source, source_id: r.source_id}]->(new)
  SET moved += properties(r)
  DELETE r
}
CALL (old, new) {
  MATCH (x)-[r:STAYS_AT]->(old)
  MERGE (x)-[moved:STAYS_AT {source: r.source, source_id: r.source_id}]->(new)
  SET moved += properties(r)
  DELETE r
}
CALL (old, new) {
  MATCH (x)-[r:AT]->(old)
  MERGE (x)-[moved:AT {source: r.source, source_id: r.source_id}]->(new)
  SET moved += properties(r)
  DELETE r
}
CALL (old, new) {
  MATCH (x)-[r:MENTIONS]->(old)
  MERGE (x)-[moved:MENTIONS {source: r.source, source_id: r.source_id}]->(new)
  SET moved += properties(r)
  DELETE r
}
CALL (old, new) {
  MATCH (x)-[r:LOCATED_AT]->(old)
  MERGE (x)-[moved:LOCATED_AT {source: r.source, source_id: r.source_id}]->(new)
  SET moved += properties(r)
  DELETE r
}
SET new.raw_forms = coalesce(new.raw_forms, []) + [f IN coalesce(old.raw_forms, []) WHERE NOT f IN coalesce(new.raw_forms, [])],
    new.aliases = coalesce(new.aliases, []) + old.key,
    new.sources = coalesce(new.sources, []) + [s IN coalesce(old.sources, []) WHERE NOT s IN coalesce(new.sources, [])]
MERGE (alias:AddressAlias {key: old.key})
SET alias.canonical = new.key, alias.resolved_at = datetime()
DETACH DELETE old
