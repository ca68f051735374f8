// The last day the records reach: the latest dated event on or before today (index event_date, newest first).
// A demo or training population ends before today; the explorer opens on that day, not on an empty stretch.
MATCH (e:Event)
WHERE e.date <= $today
RETURN e.date AS day
ORDER BY e.date DESC
LIMIT 1
