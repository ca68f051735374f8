// The run that set this mark finished: clear it.
MATCH (m:Unfinished {key: $key})
DELETE m
