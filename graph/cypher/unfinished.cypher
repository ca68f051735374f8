// Runs that began and have not finished (or were cut short), oldest first.
MATCH (m:Unfinished)
RETURN m.what AS what, m.subject AS subject, m.started AS started
ORDER BY m.started
