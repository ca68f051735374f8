// Write the facts notes propose (notes/read.py): MERGEd on their key (record, kind, sentence), so reading
// again changes nothing; each points at the record it came from (FROM_RECORD) and the person it is about
// (NOTE_ABOUT), which is re-decided on every read (a mother's birth record may arrive after the note).
// Parameters: $facts [{key, record, about, props}], $read_at.
UNWIND $facts AS f
MATCH (e:Event) WHERE elementId(e) = f.record
MERGE (n:NoteFact {key: f.key})
  ON CREATE SET n.read_at = $read_at
SET n += f.props, n.from_note = true
MERGE (n)-[:FROM_RECORD]->(e)
WITH n, f
CALL (n) {
  MATCH (n)-[old:NOTE_ABOUT]->()
  DELETE old
}
WITH n, f
MATCH (p:Person {key: f.about})
MERGE (n)-[:NOTE_ABOUT]->(p)
