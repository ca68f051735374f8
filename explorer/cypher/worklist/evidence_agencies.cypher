// The named agency behind each source record a flag cites, where the graph knows it: the hospital of a birth
// or a maternity booking, the service of a health contact, the setting of a drop-off, the police team that
// manages the offender a visit, an assessment or a notification is about. $records: the records' ids.
UNWIND $records AS id
CALL (id) {
  MATCH (:Birth {key: id})-[:AT]->(g:Agency)
  RETURN g.name AS name
  UNION
  MATCH (:MaternityBooking {key: id})-[:AT]->(g:Agency)
  RETURN g.name AS name
  UNION
  MATCH (c:Contact)-[:WITH_AGENCY]->(g:Agency)
  WHERE c.key IN ['health:' + id, 'probation:' + id]
  RETURN g.name AS name
  UNION
  MATCH (:Collection {key: id})-[:AT]->(g:Agency)
  RETURN g.name AS name
  UNION
  MATCH (:Visit {key: id})<-[:VISITED_IN]-(:Person)-[:MANAGED_BY]->(g:Agency)
  RETURN g.name AS name
  UNION
  MATCH (:RiskAssessment {key: id})<-[:ASSESSED_IN]-(:Person)-[:MANAGED_BY]->(g:Agency)
  RETURN g.name AS name
  UNION
  MATCH (:Notification {key: id})<-[:MADE_NOTIFICATION]-(:Person)-[:MANAGED_BY]->(g:Agency)
  RETURN g.name AS name
}
WITH id, collect(name) AS names
WHERE size(names) > 0
RETURN id, names[0] AS name
