// employment: Employment records
// Source: employment.csv (employment, employer returns); one row = one record, id column employment_id.
// Employer returns: who works where, in what role, whether it brings regular contact with under-16s, and when.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (employee:Person {key: "employment:{employment_id}"})
//   (employment:Employment:Event {key: "{employment_id}"})
//   (employer:Agency {key: "{employer_id}"})
//   (employee)-[:EMPLOYED_IN {from, to}]->(employment)
//   (employment)-[:EMPLOYER]->(employer)
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (employee:Person {key: row.employee_key})
  ON CREATE SET employee.source = $feed, employee.source_id = row._id, employee.loaded_at = $loaded_at
SET employee.sources = CASE WHEN $feed IN coalesce(employee.sources, []) THEN employee.sources ELSE coalesce(employee.sources, []) + $feed END,
    employee.surname = row.surname,
    employee.forenames = row.forenames,
    employee.dob = row.date_of_birth
MERGE (employment:Employment {key: row.employment_key})
  ON CREATE SET employment.source = $feed, employment.source_id = row._id, employment.loaded_at = $loaded_at
SET employment:Event,
    employment.sources = CASE WHEN $feed IN coalesce(employment.sources, []) THEN employment.sources ELSE coalesce(employment.sources, []) + $feed END,
    employment.date = row.start_date,
    employment.agency = 'employment',
    employment.system = 'employer returns',
    employment.kind = 'employment',
    employment.job_title = row.job_title,
    employment.contact_with_children = row.contact_with_children,
    employment.end_date = row.end_date,
    employment.role_type = coalesce(row.role_type, 'paid')
MERGE (employer:Agency {key: row.employer_key})
  ON CREATE SET employer.source = $feed, employer.source_id = row._id, employer.loaded_at = $loaded_at
SET employer.sources = CASE WHEN $feed IN coalesce(employer.sources, []) THEN employer.sources ELSE coalesce(employer.sources, []) + $feed END
MERGE (employee)-[r_employed_in:EMPLOYED_IN {source: $feed, source_id: row._id}]->(employment)
  ON CREATE SET r_employed_in.loaded_at = $loaded_at
SET r_employed_in.from = row.start_date, r_employed_in.to = row.end_date
MERGE (employment)-[r_employer:EMPLOYER {source: $feed, source_id: row._id}]->(employer)
  ON CREATE SET r_employer.loaded_at = $loaded_at
