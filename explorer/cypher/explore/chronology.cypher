// Every dated record (:Event) about the given person records or at the given addresses, up to $as_of:
// the merged multi-agency chronology a practice review rebuilds by hand. `who` names the people it is about;
// `people` and `agencies` are everyone and every agency the record links to, with the link (the summary
// names them: "Birth of Amy Reed at Homerton Hospital; mother Jo Reed; father Karl Smith"). A birth's parents
// hang off the child, stated by the same source record. People are named as their identity names them.
CALL () {
  UNWIND $records AS k
  MATCH (p:Person {key: k})--(e:Event)
  RETURN e, p.forenames + ' ' + p.surname AS who
  UNION
  UNWIND $addresses AS k
  MATCH (:Address {key: k})--(e:Event)
  RETURN e, null AS who
}
WITH e, [w IN collect(DISTINCT who) WHERE w IS NOT NULL] AS who
WHERE e.date <= $as_of
WITH e, who,
     [(e)-[r]-(p:Person) | {link: type(r), out: startNode(r) = e, person: p}] +
     [(e)-[:BIRTH_OF]->(:Person)<-[r:PARENT_OF]-(p:Person) WHERE r.source_id = e.source_id |
      {link: r.relationship, out: true, person: p}] AS linked
CALL (linked) {
  UNWIND linked AS l
  WITH l, l.person AS p
  RETURN collect({link: l.link, out: l.out, practitioner: p:Practitioner,
    name: coalesce(
      head([(p)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(q:Person) WHERE q.surname IS NOT NULL |
            trim(coalesce(q.forenames, '') + ' ' + q.surname)]),
      trim(coalesce(p.forenames, '') + ' ' + coalesce(p.surname, '')))}) AS people
}
RETURN e.date AS date, e.agency AS agency, e.system AS system, e.kind AS kind, e.summary AS summary,
       e.source AS source, e.source_id AS source_id, who, properties(e) AS props, people,
       [(e)-[r]-(g:Agency) | {link: type(r), name: g.name}] AS agencies
ORDER BY date, source, source_id
