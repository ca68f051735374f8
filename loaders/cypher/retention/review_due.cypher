// Source records past their MoPI review date: each record's last date (an event's date; a relationship's
// from, to or recorded day), plus its feed's review period in years ($years: feed -> years, else $default),
// on or before $today. A record with no date of its own is not listed.
CALL () {
  MATCH (n)
  WHERE n.source IS NOT NULL AND n.date IS NOT NULL
  RETURN n.source AS feed, n.source_id AS id, n.date AS day
  UNION ALL
  MATCH ()-[r]->()
  WHERE r.source IS NOT NULL
  UNWIND [d IN [r.from, r.to, r.recorded, r.date] WHERE d IS NOT NULL] AS day
  RETURN r.source AS feed, r.source_id AS id, day
}
WITH feed, id, max(day) AS last
WITH feed, id, last, coalesce($years[feed], $default) AS years
WITH feed, id, last, years, last + duration({years: years}) AS due
WHERE due <= $today
RETURN feed, id, last, years, due
ORDER BY due, feed, id
