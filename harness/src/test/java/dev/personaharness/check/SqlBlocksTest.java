package dev.personaharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The PostgreSQL forms JSqlParser 5.3 rejects, which sql-valid handles on purpose. */
class SqlBlocksTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);",
      "CREATE UNIQUE INDEX users_email_live ON users (email) WHERE deleted_at IS NULL;",
      "CREATE UNIQUE INDEX CONCURRENTLY u ON users (lower(email)) WHERE deleted_at IS NULL AND active;",
      "DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;",
      "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;",
      "BEGIN;\nUPDATE wallets SET balance = balance - 5 WHERE id = 1 AND balance >= 5;\nCOMMIT;",
      "START TRANSACTION ISOLATION LEVEL REPEATABLE READ;",
      "CREATE TYPE order_status AS ENUM ('pending', 'paid', 'it''s shipped');",
      "CREATE EXTENSION IF NOT EXISTS pgcrypto;",
      "DO $$ BEGIN RAISE NOTICE 'a; b'; END $$;",
      "-- a comment; with a semicolon\nSELECT 'a;b' FROM t; /* another; */ SELECT 2;",
      "CREATE INDEX project_members_user_idx ON project_members (user_id) INCLUDE (role);",
      "CREATE OR REPLACE FUNCTION sync_id() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.id_new := NEW.id; RETURN NEW; END; $$;",
      "CREATE TRIGGER audit_sync BEFORE INSERT OR UPDATE ON audit_events FOR EACH ROW EXECUTE FUNCTION sync_id();",
      "DROP TRIGGER IF EXISTS audit_sync ON audit_events;",
      "LOCK TABLE audit_events, audit_attachments IN ACCESS EXCLUSIVE MODE;",
      "ALTER DATABASE telemetry SET timezone = 'UTC';",
      "ALTER ROLE ingest_eu SET timezone TO 'UTC';",
      "ALTER TABLE audit_events ADD CONSTRAINT audit_events_pkey PRIMARY KEY USING INDEX audit_events_id_new_idx;"
  })
  void acceptsEverydayPostgresql(String sql) {
    assertThat(SqlBlocks.problem(sql)).isNull();
  }

  @Test
  void stillRejectsBrokenStatements() {
    assertThat(SqlBlocks.problem("CREATE TABLE (")).isEqualTo("not a statement JSqlParser recognises in \"CREATE TABLE (\"");
    assertThat(SqlBlocks.problem("CREATE UNIQUE INDEX u ON t (a) WHERE deleted_at IS NUL;"))
        .isEqualTo("could only parse partial expression deleted_at in \"CREATE UNIQUE INDEX u ON t (a) WHERE deleted_at IS NUL\"");
    assertThat(SqlBlocks.problem("CREATE TYPE s AS ENUM ('a', b);")).isNotNull();
    assertThat(SqlBlocks.problem("   ")).isEqualTo("empty block");
    assertThat(SqlBlocks.problem("LOCK TABLE t IN SOME MODE;")).isNotNull();
    assertThat(SqlBlocks.problem("AND x = 1;")).isNotNull();
  }

  @Test
  void splitsOnTopLevelSemicolonsOnly() {
    assertThat(SqlBlocks.split("SELECT ';'; DO $x$ a; b $x$; -- c;\nSELECT 1"))
        .containsExactly("SELECT ';'", "DO $x$ a; b $x$", "SELECT 1");
  }
}
