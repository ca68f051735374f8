// A load, linkage or erasure begins: it marks the graph (one mark per kind and subject, e.g. the folder a
// load reads) and clears the mark when it ends. A run cut short (killed, or failed) leaves the mark, so
// `sightline stats` and the worklist can say the graph may be part-written.
MERGE (m:Unfinished {key: $key})
SET m.what = $what, m.subject = $subject, m.started = datetime()
