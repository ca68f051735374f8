// csc_referrals: Children's social care - referrals (SSD ssd_cin_episodes)
// Source: csc_referrals.csv (childrens_social_care, LiquidLogic); one row = one record, id column cine_referral_id.
// Referrals to children's social care (SSD ssd_cin_episodes): date received, when the concern was known, source, referrer, NFA, closure.
//
// Creates (MERGE; re-loading the same rows creates nothing):
//   (referral:Referral:Event {key: "{cine_referral_id}"})
//   (child:Person {key: "csc:{cine_person_id}"})
//   (referrer:Agency {key: "{cine_referrer_agency_id}"})   when cine_referrer_agency_id
//   (referral)-[:ABOUT]->(child)
//   (referral)-[:REFERRED_BY]->(referrer)   when cine_referrer_agency_id
// Every node gets source, source_id, loaded_at on creation and $feed added to `sources`; every
// relationship is one per source record: {source: $feed, source_id: row._id}, loaded_at on creation.
// Parameters: $rows (typed rows with _id and <alias>_key, see loaders/spec.py), $feed, $loaded_at.

UNWIND $rows AS row
MERGE (referral:Referral {key: row.referral_key})
  ON CREATE SET referral.source = $feed, referral.source_id = row._id, referral.loaded_at = $loaded_at
SET referral:Event,
    referral.sources = CASE WHEN $feed IN coalesce(referral.sources, []) THEN referral.sources ELSE coalesce(referral.sources, []) + $feed END,
    referral.date = row.cine_referral_date,
    referral.agency = 'childrens_social_care',
    referral.system = 'LiquidLogic',
    referral.kind = 'referral',
    referral.summary = row.cine_summary,
    referral.cine_concern_date = row.cine_concern_date,
    referral.cine_referral_source_code = row.cine_referral_source_code,
    referral.cine_referral_nfa = row.cine_referral_nfa,
    referral.cine_close_date = row.cine_close_date,
    referral.cine_close_reason = row.cine_close_reason,
    referral.cine_referral_team = row.cine_referral_team
MERGE (child:Person {key: row.child_key})
  ON CREATE SET child.source = $feed, child.source_id = row._id, child.loaded_at = $loaded_at
SET child.sources = CASE WHEN $feed IN coalesce(child.sources, []) THEN child.sources ELSE coalesce(child.sources, []) + $feed END,
    child.csc_person_id = row.cine_person_id
MERGE (referral)-[r_about:ABOUT {source: $feed, source_id: row._id}]->(child)
  ON CREATE SET r_about.loaded_at = $loaded_at
// referrer: only when cine_referrer_agency_id is not empty
FOREACH (_ IN CASE WHEN row.referrer_key IS NULL THEN [] ELSE [1] END |
  MERGE (referrer:Agency {key: row.referrer_key})
    ON CREATE SET referrer.source = $feed, referrer.source_id = row._id, referrer.loaded_at = $loaded_at
  SET referrer.sources = CASE WHEN $feed IN coalesce(referrer.sources, []) THEN referrer.sources ELSE coalesce(referrer.sources, []) + $feed END
  MERGE (referral)-[r_referred_by:REFERRED_BY {source: $feed, source_id: row._id}]->(referrer)
    ON CREATE SET r_referred_by.loaded_at = $loaded_at
)
