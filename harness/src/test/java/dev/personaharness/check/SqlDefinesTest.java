package dev.personaharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.CheckSpec;
import dev.personaharness.core.Rubric;
import dev.personaharness.core.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlDefinesTest {
  private static CheckResult run(Object arg, String answer) {
    CheckSpec spec = new CheckSpec("sql-defines", arg, 1, null, 1, 1);
    Task t = new Task("t", "c", List.of(), "p", Map.of(), List.of(), new Rubric(0.5, List.of(spec)), 1);
    return Checks.standard().score(t, answer).checks().get(0).result();
  }

  @Test
  void findsTablesColumnsIndexesAndConstraintsInPostgresDdl() {
    String answer = """
        ```sql
        CREATE TABLE public."Users" (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          email text NOT NULL,
          deleted_at timestamptz,
          CONSTRAINT users_email_check CHECK (email <> '')
        );
        CREATE UNIQUE INDEX CONCURRENTLY users_email_live ON users (lower(email)) WHERE deleted_at IS NULL;
        ALTER TABLE orders ADD COLUMN customer_id bigint;
        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES users (id) NOT VALID;
        ```""";
    CheckResult r = run(Map.of("tables", List.of("users"), "columns", List.of("users.email", "orders.customer_id"),
        "indexes", List.of("users_email_live"), "constraints", List.of("orders_customer_fk", "users_email_check")), answer);
    assertThat(r.evidence()).isEqualTo("6 of 6 defined");
    assertThat(r.status()).isEqualTo("passed");
    CheckResult missing = run(Map.of("tables", List.of("users", "refunds"), "columns", List.of("users.amount")), answer);
    assertThat(missing.status()).isEqualTo("failed");
    assertThat(missing.score()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(missing.evidence()).isEqualTo("1 of 3 defined; missing [table refunds, column users.amount]");
    assertThat(run(Map.of("columns", List.of("email")), answer).status()).isEqualTo("errored");
  }

  @Test
  void onARealAnswer() throws Exception {
    String fixed = RealAnswersTest.answer("schema-review", "senior-backend-engineer-playbook", "billing-money-types");
    assertThat(run(Map.of("tables", List.of("payments", "refunds")), fixed).status()).isEqualTo("passed");
    assertThat(run(Map.of("tables", List.of("ledger_entries_v9")), fixed).status()).isEqualTo("failed");
  }

  @Test
  void theDialectDecidesWhichFormsAreAccepted() {
    String pg = "```sql\nCREATE INDEX CONCURRENTLY i ON t (a);\n```";
    CheckSpec pgSpec = new CheckSpec("sql-valid", true, 1, null, 1, 1);
    CheckSpec ansi = new CheckSpec("sql-valid", Map.of("dialect", "ansi"), 1, null, 1, 1);
    Task t = new Task("t", "c", List.of(), "p", Map.of(), List.of(), new Rubric(0.5, List.of(pgSpec, ansi)), 1);
    Scored s = Checks.standard().score(t, pg);
    assertThat(s.checks().get(0).result().status()).isEqualTo("passed");
    assertThat(s.checks().get(1).result().status()).isEqualTo("failed");
    assertThat(s.checks().get(1).result().evidence()).startsWith("0 of 1 sql block valid (ansi); block at line 1: ");
    assertThat(new SqlValid().validate(Map.of("dialect", "oracle"))).containsExactly("has unknown dialect 'oracle'; use postgresql, mysql or ansi");
  }
}
