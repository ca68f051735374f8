// police_aliases: Police offender management - aliases (other names a nominal is known by)
// Source: police_aliases.csv (police, ViSOR); one row = one record, id column alias_id.
// Every other name police know a nominal by (a short form such as "Jide" for Babajide, a previous or street
// name, a false name given on arrest), each a person record of its own. Linkage treats an alias as the
// nominal by police record (a link no date of birth outweighs) and compares other agencies' records with it
// as with the nominal's own name.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (offender:Person {key: "police:{nominal_id}"})
//   (alias:Person {key: "police-alias:{alias_id}"})
//   (alias)-[:ALIAS_OF {recorded}]->(offender)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (offender:Person {key: row.offender_key})
  ON CREATE SET offender.source = $feed, offender.source_id = row._id, offender.loaded_at = $loaded_at
SET offender.sources = CASE WHEN $feed IN coalesce(offender.sources, []) THEN offender.sources ELSE coalesce(offender.sources, []) + $feed END,
    offender.nominal_id = row.nominal_id
MERGE (alias:Person {key: row.alias_key})
  ON CREATE SET alias.source = $feed, alias.source_id = row._id, alias.loaded_at = $loaded_at
SET alias.sources = CASE WHEN $feed IN coalesce(alias.sources, []) THEN alias.sources ELSE coalesce(alias.sources, []) + $feed END,
    alias.surname = row.surname,
    alias.forenames = row.forenames,
    alias.dob = row.date_of_birth,
    alias.alias_of = row.nominal_id
MERGE (alias)-[r_alias_of:ALIAS_OF {source: $feed, source_id: row._id}]->(offender)
  ON CREATE SET r_alias_of.loaded_at = $loaded_at
SET r_alias_of.recorded = row.recorded_date
