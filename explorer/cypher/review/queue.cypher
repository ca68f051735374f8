// Candidate pairs waiting for a reviewer (`sightline resolve` scored them between its review and accept
// thresholds, or held an automatic link back), filtered here rather than in Python (a 100,000-person
// population leaves some 30,000): probability between $low and $high, either record from one of $sources
// (empty: any feed), pairs already decided only when $decided. Returns one row: how many pairs the filter
// keeps, how many of those nobody has decided, and the first $limit, most probable first, each with the
// reviewer's decision when one was already made (it takes effect at the next resolve).
// Pairs are stored left -> right with left < right.
MATCH (a:Person)-[m:MAY_BE_SAME {status: 'review'}]->(b:Person)
WHERE $low <= m.probability <= $high AND (size($sources) = 0 OR a.source IN $sources OR b.source IN $sources)
OPTIONAL MATCH (d:LinkDecision {left: a.key, right: b.key})
WITH a, b, m, d
WHERE $decided OR d IS NULL
ORDER BY m.probability DESC, a.key, b.key
WITH collect([a, m, b, d]) AS kept, count(*) - count(d) AS waiting
RETURN size(kept) AS matching, waiting,
       [x IN kept[..$limit] | {
         left: x[0].key, right: x[2].key, probability: x[1].probability, match_weight: x[1].match_weight,
         status: x[1].status, note: x[1].note,
         left_name: trim(coalesce(x[0].forenames, '') + ' ' + coalesce(x[0].surname, '')), left_dob: x[0].dob,
         left_source: x[0].source,
         right_name: trim(coalesce(x[2].forenames, '') + ' ' + coalesce(x[2].surname, '')), right_dob: x[2].dob,
         right_source: x[2].source,
         decision: x[3].decision, decided_by: x[3].who, decided_at: x[3].decided_at
       }] AS rows
