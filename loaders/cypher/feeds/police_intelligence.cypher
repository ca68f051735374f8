// police_intelligence: Police intelligence reports (3x5x2 graded)
// Source: police_intelligence.csv (police, intelligence); one row = one record, id column intel_id.
// Police intelligence reports graded 3x5x2: subject nominal, category, sanitised text, address and person mentioned.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (intel:Intelligence:Event {key: "{intel_id}"})
//   (subject:Person {key: "police:{nominal_id}"})   when nominal_id
//   (address:Address {key: "{address_key}"})   when address_line1, postcode
//   (mentioned:Person {key: "intel-mention:{intel_id}"})   when mentioned_surname
//   (intel)-[:ABOUT]->(subject)   when nominal_id
//   (intel)-[:MENTIONS]->(address)   when address_line1, postcode
//   (intel)-[:MENTIONS]->(mentioned)   when mentioned_surname
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (intel:Intelligence {key: row.intel_key})
  ON CREATE SET intel.source = $feed, intel.source_id = row._id, intel.loaded_at = $loaded_at
SET intel:Event,
    intel.sources = CASE WHEN $feed IN coalesce(intel.sources, []) THEN intel.sources ELSE coalesce(intel.sources, []) + $feed END,
    intel.date = row.report_date,
    intel.agency = 'police',
    intel.system = 'intelligence',
    intel.kind = 'intelligence',
    intel.summary = row.summary,
    intel.source_evaluation = row.source_evaluation,
    intel.intelligence_assessment = row.intelligence_assessment,
    intel.handling_code = row.handling_code,
    intel.category = row.category
// subject: only when nominal_id is not empty
FOREACH (_ IN CASE WHEN row.subject_key IS NULL THEN [] ELSE [1] END |
  MERGE (subject:Person {key: row.subject_key})
    ON CREATE SET subject.source = $feed, subject.source_id = row._id, subject.loaded_at = $loaded_at
  SET subject.sources = CASE WHEN $feed IN coalesce(subject.sources, []) THEN subject.sources ELSE coalesce(subject.sources, []) + $feed END,
      subject.nominal_id = row.nominal_id
  MERGE (intel)-[r_about:ABOUT {source: $feed, source_id: row._id}]->(subject)
    ON CREATE SET r_about.loaded_at = $loaded_at
)
// address: only when address_line1, postcode are not empty
FOREACH (_ IN CASE WHEN row.address_key IS NULL THEN [] ELSE [1] END |
  MERGE (address:Address {key: row.address_key})
    ON CREATE SET address.source = $feed, address.source_id = row._id, address.loaded_at = $loaded_at
  SET address.sources = CASE WHEN $feed IN coalesce(address.sources, []) THEN address.sources ELSE coalesce(address.sources, []) + $feed END,
      address.line1 = row.address_line1,
      address.line2 = coalesce(row.address_line2, address.line2),
      address.town = coalesce(row.town, address.town),
      address.postcode = row.postcode,
      address.raw_forms = CASE WHEN row.address_line1 + ', ' + row.postcode IN coalesce(address.raw_forms, []) THEN address.raw_forms
                           ELSE coalesce(address.raw_forms, []) + (row.address_line1 + ', ' + row.postcode) END
  MERGE (intel)-[r_mentions_address:MENTIONS {source: $feed, source_id: row._id}]->(address)
    ON CREATE SET r_mentions_address.loaded_at = $loaded_at
)
// mentioned: only when mentioned_surname is not empty
FOREACH (_ IN CASE WHEN row.mentioned_key IS NULL THEN [] ELSE [1] END |
  MERGE (mentioned:Person {key: row.mentioned_key})
    ON CREATE SET mentioned.source = $feed, mentioned.source_id = row._id, mentioned.loaded_at = $loaded_at
  SET mentioned.sources = CASE WHEN $feed IN coalesce(mentioned.sources, []) THEN mentioned.sources ELSE coalesce(mentioned.sources, []) + $feed END,
      mentioned.surname = row.mentioned_surname,
      mentioned.forenames = row.mentioned_forenames,
      mentioned.dob = row.mentioned_date_of_birth
  MERGE (intel)-[r_mentions_mentioned:MENTIONS {source: $feed, source_id: row._id}]->(mentioned)
    ON CREATE SET r_mentions_mentioned.loaded_at = $loaded_at
)
