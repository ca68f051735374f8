// The facts notes propose (notes/read.py): one NoteFact per record, kind and sentence, keyed so that
// reading the same notes again changes nothing.
CREATE CONSTRAINT note_fact_key IF NOT EXISTS FOR (n:NoteFact) REQUIRE n.key IS UNIQUE;
CREATE INDEX note_fact_kind IF NOT EXISTS FOR (n:NoteFact) ON (n.kind);
