// What each agency holds about the offenders (police record keys) and the child (record keys), with the date it
// first held it: disclosures about the offender made to it (what was disclosed), closure summaries about the
// child's referrals sent to it (and whether they named live order conditions), referrals it made about the
// child and MERLINs about the child sent to it. Only records dated on or before $as_of.
UNWIND $agencies AS gk
MATCH (g:Agency {key: gk})
CALL (g) {
  MATCH (g)<-[t:DISCLOSED_TO]-(d:Disclosure)-[:ABOUT]->(o:Person)
  WHERE o.key IN $nominals AND d.date <= $as_of
  RETURN 'disclosure' AS what, d.content AS content, d.date AS date, o.key AS nominal, d.source_id AS record
  UNION
  UNWIND $records AS k
  MATCH (:Person {key: k})<-[:ABOUT]-(:Referral)<-[:CLOSES]-(cl:Closure)-[s:SENT_TO]->(g)
  WHERE coalesce(s.date, cl.date) <= $as_of
  RETURN 'closure summary' AS what,
         CASE WHEN cl.summary_includes_conditions THEN 'conviction_and_conditions' ELSE 'status_only' END AS content,
         coalesce(s.date, cl.date) AS date, null AS nominal, cl.source_id AS record
  UNION
  UNWIND $records AS k
  MATCH (:Person {key: k})<-[:ABOUT]-(r:Referral)-[:REFERRED_BY]->(g) WHERE r.date <= $as_of
  RETURN 'referral made' AS what, null AS content, r.date AS date, null AS nominal, r.source_id AS record
  UNION
  UNWIND $records AS k
  MATCH (:Person {key: k})<-[:CONCERNS_CHILD]-(m:Merlin)-[s:SENT_TO]->(g) WHERE coalesce(s.date, m.date) <= $as_of
  RETURN 'MERLIN received' AS what, null AS content, coalesce(s.date, m.date) AS date, null AS nominal,
         m.source_id AS record
}
RETURN g.key AS agency, what, content, date, nominal, record
ORDER BY agency, date
