// Every record that carries a note (the text the loader keeps as `summary`), with the person whose record it
// is and that person's mother and father on a birth record, so that "Mum says ..." on a child's record can
// be credited to the mother. Parameters: none.
MATCH (e:Event)
WHERE e.summary IS NOT NULL AND trim(e.summary) <> ''
WITH e,
     [(p:Person)-[:VISITED_IN|HAD_CONTACT|BOOKED|ASSESSED_IN]->(e) | p.key] +
     [(e)-[:ABOUT|BY_ADULT]->(p:Person) | p.key] AS subjects
WITH e, head(subjects) AS subject
RETURN elementId(e) AS record, e.key AS record_key, e.kind AS kind, e.source AS source, e.source_id AS source_id,
       e.agency AS agency, e.date AS date, e.summary AS text, subject,
       head([(m:Person)-[:PARENT_OF {relationship: 'mother'}]->(:Person {key: subject}) | m.key]) AS mother,
       head([(f:Person)-[:PARENT_OF {relationship: 'father'}]->(:Person {key: subject}) | f.key]) AS father
ORDER BY source, source_id
