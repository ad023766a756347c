package dev.krag.stages.knowledge;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.exceptions.ClientException;

/** Schema statements that other instances of krag may run at the same moment against the same database. */
final class SchemaStatements {

  private static final String EQUIVALENT_EXISTS = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists";

  private SchemaStatements() {}

  /**
   * Runs a {@code CREATE … IF NOT EXISTS}. Neo4j checks, then creates: an instance starting beside
   * this one may create the same index in between, which is as good as this one creating it.
   */
  static void create(Driver driver, QueryConfig config, String statement) {
    try {
      driver.executableQuery(statement).withConfig(config).execute();
    } catch (ClientException e) {
      if (!EQUIVALENT_EXISTS.equals(e.code())) {
        throw e;
      }
    }
  }
}
