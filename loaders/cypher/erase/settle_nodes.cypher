// After the erased records' relationships are gone, each node they touched: deleted when no other source
// record supports it (neither made it nor links it), else kept without the erased facts: its provenance
// names the first record still supporting it (feeds in load order, $order), `sources` lists the feeds
// that still do, and a key conflict an erased record raised is withdrawn. Derived links to a deleted node
// (identities, scored pairs, note facts) go with it.
MATCH (n) WHERE elementId(n) IN $nodes
WITH n, n.source IS NOT NULL AND n.source + ':' + n.source_id IN $records AS erased_maker
OPTIONAL MATCH (n)-[r]-()
WHERE r.source IS NOT NULL
WITH n, erased_maker, collect(DISTINCT CASE WHEN r IS NOT NULL THEN {feed: r.source, id: r.source_id} END) AS links
WITH n, erased_maker,
     links + CASE WHEN erased_maker OR n.source IS NULL THEN []
                                              ELSE [{feed: n.source, id: n.source_id}] END AS support
CALL (n, erased_maker, support) {
  WITH n, support WHERE size(support) = 0
  DETACH DELETE n
  RETURN count(*) AS deleted
}
WITH n, erased_maker, support WHERE size(support) > 0
WITH n, erased_maker, support,
     head([f IN $order WHERE any(x IN support WHERE x.feed = f)]) AS first_feed
SET n.sources = [f IN $order WHERE any(x IN support WHERE x.feed = f)],
    n.key_conflicts = CASE WHEN n.key_conflicts IS NULL THEN null
                      ELSE [c IN n.key_conflicts WHERE NOT any(x IN $records WHERE c STARTS WITH x + ':')] END,
    n.named_by = CASE WHEN n.named_by IS NULL OR all(c IN n.named_by WHERE c IN $records) THEN null
                 ELSE [c IN n.named_by WHERE NOT c IN $records] END
WITH n, erased_maker, first_feed, support
SET n.source = CASE WHEN erased_maker THEN first_feed ELSE n.source END,
    n.source_id = CASE WHEN erased_maker
                  THEN reduce(m = null, x IN support | CASE WHEN x.feed = first_feed AND (m IS NULL OR x.id < m)
                                                             THEN x.id ELSE m END)
                  ELSE n.source_id END
WITH n WHERE n.key_conflicts = []
REMOVE n:KeyConflict, n.key_conflicts
