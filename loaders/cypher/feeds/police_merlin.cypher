// police_merlin: Police MERLIN reports (PAC) about children
// Source: police_merlin.csv (police, MERLIN); one row = one record, id column merlin_id.
// MERLIN Pre-Assessment Checks about children: concern, creation and sending dates (for lateness), the agency it went to and what it did.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (merlin:Merlin:Event {key: "{merlin_id}"})
//   (subject:Person {key: "police:{nominal_id}"})   when nominal_id
//   (child:Person {key: "merlin-child:{merlin_id}"})
//   (recipient:Agency {key: "{sent_to_agency_id}"})   when sent_to_agency_id
//   (merlin)-[:ABOUT]->(subject)   when nominal_id
//   (merlin)-[:CONCERNS_CHILD]->(child)
//   (merlin)-[:SENT_TO {date}]->(recipient)   when sent_to_agency_id
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (merlin:Merlin {key: row.merlin_key})
  ON CREATE SET merlin.source = $feed, merlin.source_id = row._id, merlin.loaded_at = $loaded_at
SET merlin:Event,
    merlin.sources = CASE WHEN $feed IN coalesce(merlin.sources, []) THEN merlin.sources ELSE coalesce(merlin.sources, []) + $feed END,
    merlin.date = row.created_date,
    merlin.agency = 'police',
    merlin.system = 'MERLIN',
    merlin.kind = 'merlin',
    merlin.summary = row.summary,
    merlin.concern_date = row.concern_date,
    merlin.sent_date = row.sent_date,
    merlin.outcome = row.outcome
MERGE (child:Person {key: row.child_key})
  ON CREATE SET child.source = $feed, child.source_id = row._id, child.loaded_at = $loaded_at
SET child.sources = CASE WHEN $feed IN coalesce(child.sources, []) THEN child.sources ELSE coalesce(child.sources, []) + $feed END,
    child.surname = row.child_surname,
    child.forenames = row.child_forenames,
    child.dob = row.child_date_of_birth
MERGE (merlin)-[r_concerns_child:CONCERNS_CHILD {source: $feed, source_id: row._id}]->(child)
  ON CREATE SET r_concerns_child.loaded_at = $loaded_at
// subject: only when nominal_id is not empty
FOREACH (_ IN CASE WHEN row.subject_key IS NULL THEN [] ELSE [1] END |
  MERGE (subject:Person {key: row.subject_key})
    ON CREATE SET subject.source = $feed, subject.source_id = row._id, subject.loaded_at = $loaded_at
  SET subject.sources = CASE WHEN $feed IN coalesce(subject.sources, []) THEN subject.sources ELSE coalesce(subject.sources, []) + $feed END,
      subject.nominal_id = row.nominal_id
  MERGE (merlin)-[r_about:ABOUT {source: $feed, source_id: row._id}]->(subject)
    ON CREATE SET r_about.loaded_at = $loaded_at
)
// recipient: only when sent_to_agency_id is not empty
FOREACH (_ IN CASE WHEN row.recipient_key IS NULL THEN [] ELSE [1] END |
  MERGE (recipient:Agency {key: row.recipient_key})
    ON CREATE SET recipient.source = $feed, recipient.source_id = row._id, recipient.loaded_at = $loaded_at
  SET recipient.sources = CASE WHEN $feed IN coalesce(recipient.sources, []) THEN recipient.sources ELSE coalesce(recipient.sources, []) + $feed END
  MERGE (merlin)-[r_sent_to:SENT_TO {source: $feed, source_id: row._id}]->(recipient)
    ON CREATE SET r_sent_to.loaded_at = $loaded_at
  SET r_sent_to.date = row.sent_date
)
