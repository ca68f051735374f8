"""The one door to Neo4j: settings, driver, schema, the bundled server and graph algorithms."""
