// Resolve a stay a note places "at his partner's" (host 'partner', notes/matcher.py) to an address, so that S1
// and S6 can read it as a place he stays at (queries/cypher/offender_places.cypher). His partner: the person
// any record of his identity names as partner (ASSOCIATE_OF {relationship: 'partner'}: police associates,
// probation contacts), recorded on or before the note's date and not ended before it; the latest recorded.
// Her address: the one her records (by identity) place her at on the note's date, the latest to start on or
// before it (a span that has not ended, or a point: an associate's address as recorded). A note whose partner
// or address cannot be found stays a proposal with no address: nothing is guessed.
// Re-run on every reading: old NOTE_AT relationships are removed first. Parameters: none.
MATCH (n:NoteFact {kind: 'stays_at'})
OPTIONAL MATCH (n)-[old:NOTE_AT]->()
DELETE old
WITH DISTINCT n
WHERE n.host = 'partner'
MATCH (n)-[:NOTE_ABOUT]->(me:Person)
OPTIONAL MATCH (me)<-[:HAS_RECORD]-(mi:Identity)
WITH n, CASE WHEN mi IS NULL THEN [me] ELSE [(mi)-[:HAS_RECORD]->(r:Person) | r] END AS selves
CALL (n, selves) {
  UNWIND selves AS self
  MATCH (p:Person)-[rel:ASSOCIATE_OF {relationship: 'partner'}]->(self)
  WHERE rel.recorded <= n.date AND (rel.to IS NULL OR n.date <= rel.to)
  RETURN p, rel
  ORDER BY rel.recorded DESC, rel.source, rel.source_id
  LIMIT 1
}
OPTIONAL MATCH (p)<-[:HAS_RECORD]-(pi:Identity)
WITH n, p, rel, CASE WHEN pi IS NULL THEN [p] ELSE [(pi)-[:HAS_RECORD]->(r:Person) | r] END AS hers
CALL (n, hers) {
  UNWIND hers AS her
  MATCH (her)-[x:LIVES_AT]->(a:Address)
  WITH a, x, coalesce(x.from, x.recorded) AS start
  WHERE start <= n.date AND (x.to IS NULL OR n.date <= x.to)
  RETURN a, x
  ORDER BY start DESC, x.source, x.source_id
  LIMIT 1
}
MERGE (n)-[at:NOTE_AT]->(a)
SET at.partner = p.key, at.partner_record = rel.source + ':' + rel.source_id, at.address_record = x.source + ':' + x.source_id
RETURN count(at) AS resolved
