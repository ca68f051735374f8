"""Source feeds, mappings, validation and batch loading into Neo4j."""
