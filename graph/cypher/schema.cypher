// Sightline graph schema: constraints and indexes for Neo4j 5.26.
// Idempotent (IF NOT EXISTS): apply before every load. One statement per line, each ending with `;`;
// comment lines start with `//`. See docs/model.md for the model these serve.

// ------------------------------------------------------------------ key uniqueness (one per primary label)
// Every loader statement MERGEs nodes on {key} under their primary label (loaders/feeds.yaml, `label:`).
// The constraint keeps one node per key and gives MERGE an index to seek on (without it each MERGE scans
// the label). Extra labels (Event, Offender, Practitioner) have none: their nodes are keyed by their
// primary label, and keys of different primary labels may coincide.
CREATE CONSTRAINT agency_key IF NOT EXISTS FOR (n:Agency) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT address_key IF NOT EXISTS FOR (n:Address) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT conviction_key IF NOT EXISTS FOR (n:Conviction) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT order_key IF NOT EXISTS FOR (n:Order) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT condition_key IF NOT EXISTS FOR (n:Condition) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT notification_period_key IF NOT EXISTS FOR (n:NotificationPeriod) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT notification_key IF NOT EXISTS FOR (n:Notification) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT risk_assessment_key IF NOT EXISTS FOR (n:RiskAssessment) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT visit_key IF NOT EXISTS FOR (n:Visit) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT intelligence_key IF NOT EXISTS FOR (n:Intelligence) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT merlin_key IF NOT EXISTS FOR (n:Merlin) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT contact_key IF NOT EXISTS FOR (n:Contact) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT referral_key IF NOT EXISTS FOR (n:Referral) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT assessment_key IF NOT EXISTS FOR (n:Assessment) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT strategy_discussion_key IF NOT EXISTS FOR (n:StrategyDiscussion) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT closure_key IF NOT EXISTS FOR (n:Closure) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT birth_key IF NOT EXISTS FOR (n:Birth) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT maternity_booking_key IF NOT EXISTS FOR (n:MaternityBooking) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT collection_key IF NOT EXISTS FOR (n:Collection) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT employment_key IF NOT EXISTS FOR (n:Employment) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT travel_key IF NOT EXISTS FOR (n:Travel) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT disclosure_key IF NOT EXISTS FOR (n:Disclosure) REQUIRE n.key IS UNIQUE;

// ------------------------------------------------------------------ people
// Person search by family name (explorer "find a person", linkage blocking on surname).
CREATE INDEX person_surname IF NOT EXISTS FOR (n:Person) ON (n.surname);
// Date of birth: linkage blocking (same dob, different spelling: S14) and "who is a child at the as-of date".
CREATE INDEX person_dob IF NOT EXISTS FOR (n:Person) ON (n.dob);
// NHS number: CSC person records carry it outside their key (pers_common_child_id), health records inside it;
// saved queries join the two and look people up by it.
CREATE INDEX person_nhs_number IF NOT EXISTS FOR (n:Person) ON (n.nhs_number);
// Police nominal id: every offender check starts from a nominal (explorer, S1-S13).
CREATE INDEX person_nominal_id IF NOT EXISTS FOR (n:Person) ON (n.nominal_id);
// Free-text person search across spellings and partial names ("Jon*", "Smyth~").
CREATE FULLTEXT INDEX person_names IF NOT EXISTS FOR (n:Person) ON EACH [n.surname, n.forenames];

// ------------------------------------------------------------------ addresses
// Postcode lookup: "who is linked to this postcode" starts here (S1 address checks, explorer).
CREATE INDEX address_postcode IF NOT EXISTS FOR (n:Address) ON (n.postcode);
// Free-text address search on the raw first line and postcode (variants such as "Flat 2, 14 ..." / "14 ...").
CREATE FULLTEXT INDEX address_text IF NOT EXISTS FOR (n:Address) ON EACH [n.line1, n.postcode];

// ------------------------------------------------------------------ dated records (:Event)
// Chronologies and time-window checks select events by date range (e.g. everything in the 12 months before a birth).
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
// Checks that start from one kind of record (every "birth", every "referral", every "notification").
CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind);

// ------------------------------------------------------------------ relationship dates
// Registered addresses by period: addresses an offender used from a date (S1, S8 unregistered stays).
CREATE INDEX registered_at_from IF NOT EXISTS FOR ()-[r:REGISTERED_AT]-() ON (r.from);
// Addresses a person is recorded at from a date (S1 child at an offender's address).
CREATE INDEX lives_at_from IF NOT EXISTS FOR ()-[r:LIVES_AT]-() ON (r.from);
// Orders and notification periods in force at a date (S9 order-condition conflicts).
CREATE INDEX subject_of_from IF NOT EXISTS FOR ()-[r:SUBJECT_OF]-() ON (r.from);

// ------------------------------------------------------------------ resolved identities
// One Identity per person across agencies (record linkage); queries go record -> identity -> records.
CREATE CONSTRAINT identity_key IF NOT EXISTS FOR (n:Identity) REQUIRE n.key IS UNIQUE;
CREATE INDEX identity_method IF NOT EXISTS FOR (n:Identity) ON (n.method);
// Address keys folded by record linkage into a canonical Address (loads look them up by key).
CREATE CONSTRAINT address_alias_key IF NOT EXISTS FOR (n:AddressAlias) REQUIRE n.key IS UNIQUE;
// Reviewers' decisions on candidate person links, looked up by the pair.
CREATE CONSTRAINT link_decision_pair IF NOT EXISTS FOR (n:LinkDecision) REQUIRE (n.left, n.right) IS UNIQUE;
// Analysts' triage of a flag, keyed by the flag's stable key (queries.runner.Flag.key): it lives apart from
// the loaded records, so re-loading feeds or re-running queries never touches it.
CREATE CONSTRAINT flag_state_key IF NOT EXISTS FOR (s:FlagState) REQUIRE s.flag_key IS UNIQUE;
// Free text of dated records (GP and health-visitor notes, maternity social history, CSC summaries, nursery
// notes): S10 finds minimising accounts of an offence ("bought a second-hand laptop") by phrase through this
// index instead of reading every record's text.
CREATE FULLTEXT INDEX event_summary IF NOT EXISTS FOR (n:Event) ON EACH [n.summary];
// The review queue (Review links page) reads pairs by status, most probable first: at 100,000 people resolve
// scores some 240,000 pairs, of which some 30,000 wait for a reviewer.
CREATE INDEX may_be_same_status IF NOT EXISTS FOR ()-[m:MAY_BE_SAME]-() ON (m.status, m.probability);
// Marks of a load, linkage or erasure under way (graph/marks.py), and the one node recording which identity
// set is current (graph/identity_set.py), each looked up by key.
CREATE CONSTRAINT unfinished_key IF NOT EXISTS FOR (m:Unfinished) REQUIRE m.key IS UNIQUE;
CREATE CONSTRAINT identity_switch_key IF NOT EXISTS FOR (s:IdentitySwitch) REQUIRE s.key IS UNIQUE;
