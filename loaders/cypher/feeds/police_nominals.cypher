// police_nominals: Police offender management - nominals
// Source: police_nominals.csv (police, ViSOR); one row = one record, id column nominal_id.
// ViSOR nominals: offenders under police offender management (MAPPA category and level, risk level, managing team, named offender manager).
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (offender:Person:Offender {key: "police:{nominal_id}"})
//   (team:Agency {key: "{managing_team_id}"})
//   (manager:Person {key: "staff:{offender_manager_id}"})   when offender_manager_id
//   (offender)-[:MANAGED_BY]->(team)
//   (manager)-[:OFFENDER_MANAGER_OF]->(offender)   when offender_manager_id
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (offender:Person {key: row.offender_key})
  ON CREATE SET offender.source = $feed, offender.source_id = row._id, offender.loaded_at = $loaded_at
SET offender:Offender,
    offender.sources = CASE WHEN $feed IN coalesce(offender.sources, []) THEN offender.sources ELSE coalesce(offender.sources, []) + $feed END,
    offender.nominal_id = row.nominal_id,
    offender.surname = row.surname,
    offender.forenames = row.forenames,
    offender.dob = row.date_of_birth,
    offender.sex = row.sex,
    offender.mappa_category = row.mappa_category,
    offender.mappa_level = row.mappa_level,
    offender.risk_level = row.risk_level
MERGE (team:Agency {key: row.team_key})
  ON CREATE SET team.source = $feed, team.source_id = row._id, team.loaded_at = $loaded_at
SET team.sources = CASE WHEN $feed IN coalesce(team.sources, []) THEN team.sources ELSE coalesce(team.sources, []) + $feed END
MERGE (offender)-[r_managed_by:MANAGED_BY {source: $feed, source_id: row._id}]->(team)
  ON CREATE SET r_managed_by.loaded_at = $loaded_at
// manager: only when offender_manager_id is not empty
FOREACH (_ IN CASE WHEN row.manager_key IS NULL THEN [] ELSE [1] END |
  MERGE (manager:Person {key: row.manager_key})
    ON CREATE SET manager.source = $feed, manager.source_id = row._id, manager.loaded_at = $loaded_at
  SET manager.sources = CASE WHEN $feed IN coalesce(manager.sources, []) THEN manager.sources ELSE coalesce(manager.sources, []) + $feed END,
      manager.practitioner_id = row.offender_manager_id
  MERGE (manager)-[r_offender_manager_of:OFFENDER_MANAGER_OF {source: $feed, source_id: row._id}]->(offender)
    ON CREATE SET r_offender_manager_of.loaded_at = $loaded_at
)
