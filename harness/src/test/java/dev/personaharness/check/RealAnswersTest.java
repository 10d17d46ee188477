package dev.personaharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personaharness.core.CheckSpec;
import dev.personaharness.core.Rubric;
import dev.personaharness.core.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check type on real model answers from {@code suites/recordings/}: a passing, a failing and
 * an errored case each. Where a shipped rubric check already fails on a real answer, that check is
 * used as it stands in the suite; otherwise the failing argument is one the answer does not meet.
 */
class RealAnswersTest {
  private static final Checks CHECKS = Checks.standard();

  static String answer(String suite, String persona, String task) throws Exception {
    String file = Files.readString(Path.of("suites/recordings", suite, persona, task + ".1.md"));
    return file.substring(file.indexOf("\n---\n", 3) + 5);
  }

  private static final String DEV = "senior-backend-developer";
  private static final String STAFF = "staff-backend-developer";
  private static final String PLAYBOOK = "senior-backend-engineer-playbook";

  static Stream<Arguments> cases() {
    return Stream.of(
        // type, argument, suite, persona, task, expected status, expected score
        Arguments.of("contains", "application/problem+json", "api-design", DEV, "problem-details-errors", "passed", 1.0),
        Arguments.of("contains", "application/problem+xml", "api-design", DEV, "problem-details-errors", "failed", 0.0),
        Arguments.of("contains", List.of("not", "text"), "api-design", DEV, "problem-details-errors", "errored", 0.0),
        Arguments.of("icontains", "RETRY-AFTER", "api-design", DEV, "async-export-operation", "passed", 1.0),
        Arguments.of("icontains", "primary key using index", "schema-review", PLAYBOOK, "audit-id-bigint-migration", "failed", 0.0),
        Arguments.of("icontains", "", "api-design", DEV, "async-export-operation", "errored", 0.0),
        Arguments.of("contains-any", List.of("RateLimit-Policy", "X-RateLimit-Limit"), "api-design", DEV, "rate-limit-signalling", "passed", 1.0),
        Arguments.of("contains-any", List.of("leaky-bucket-9000"), "api-design", DEV, "rate-limit-signalling", "failed", 0.0),
        Arguments.of("contains-any", "RateLimit", "api-design", DEV, "rate-limit-signalling", "errored", 0.0),
        Arguments.of("contains-all", List.of("type", "title", "status", "detail", "instance"), "api-design", DEV, "problem-details-errors", "passed", 1.0),
        Arguments.of("contains-all", List.of("\"type\"", "\"title\"", "\"status\"", "\"detail\"", "\"instance\""), "api-design", STAFF, "problem-details-errors", "failed", 0.8),
        Arguments.of("contains-all", Map.of("a", "b"), "api-design", STAFF, "problem-details-errors", "errored", 0.0),
        Arguments.of("not-contains", List.of("SOAP envelope"), "api-design", DEV, "cursor-pagination-sync", "passed", 1.0),
        Arguments.of("not-contains", "created_at", "api-design", DEV, "cursor-pagination-sync", "failed", 0.0),
        Arguments.of("not-contains", 42L, "api-design", DEV, "cursor-pagination-sync", "errored", 0.0),
        Arguments.of("regex", "(?i)\\b429\\b", "api-design", DEV, "rate-limit-signalling", "passed", 1.0),
        Arguments.of("regex", "(?i)foreign\\s+key\\s*\\(\\s*`?payment_id`?\\s*\\)\\s*references\\s+`?payments\\b", "schema-review", PLAYBOOK, "billing-money-types", "failed", 0.0),
        Arguments.of("regex", "(unclosed", "api-design", DEV, "rate-limit-signalling", "errored", 0.0),
        Arguments.of("not-regex", "(?im)^\\s*Deprecation\\s*:\\s*true\\s*$", "api-design", DEV, "breaking-change-deprecation", "passed", 1.0),
        Arguments.of("not-regex", "(?i)\\bSunset\\b", "api-design", DEV, "breaking-change-deprecation", "failed", 0.0),
        Arguments.of("not-regex", "[z-a]", "api-design", DEV, "breaking-change-deprecation", "errored", 0.0),
        Arguments.of("mentions", Map.of("concept", "constant-time comparison", "synonyms", List.of("constant time", "timingSafeEqual", "compare_digest")), "api-design", DEV, "webhook-signing-delivery", "passed", 1.0),
        Arguments.of("mentions", Map.of("concept", "mutual TLS", "synonyms", List.of("mTLS client certificate")), "api-design", DEV, "webhook-signing-delivery", "failed", 0.0),
        Arguments.of("mentions", Map.of("concept", "x", "synonym", List.of("y")), "api-design", DEV, "webhook-signing-delivery", "errored", 0.0),
        Arguments.of("ordered", List.of("bigint", "trigger", "concurrently", "rename"), "schema-review", PLAYBOOK, "audit-id-bigint-migration", "passed", 1.0),
        Arguments.of("ordered", List.of("rename", "zzz-never-said"), "schema-review", PLAYBOOK, "audit-id-bigint-migration", "failed", 0.5),
        Arguments.of("ordered", List.of("only-one"), "schema-review", PLAYBOOK, "audit-id-bigint-migration", "errored", 0.0),
        Arguments.of("code-block", "sql", "schema-review", PLAYBOOK, "billing-money-types", "passed", 1.0),
        Arguments.of("code-block", "cobol", "schema-review", PLAYBOOK, "billing-money-types", "failed", 0.0),
        Arguments.of("code-block", Map.of("lang", "sql"), "schema-review", PLAYBOOK, "billing-money-types", "errored", 0.0),
        Arguments.of("json-valid", true, "api-design", DEV, "async-export-operation", "passed", 1.0),
        Arguments.of("json-valid", Map.of("min", 2L), "api-design", DEV, "problem-details-errors", "failed", 0.0),
        Arguments.of("json-valid", "yes", "api-design", DEV, "problem-details-errors", "errored", 0.0),
        Arguments.of("yaml-valid", true, "api-design", DEV, "breaking-change-deprecation", "passed", 1.0),
        Arguments.of("yaml-valid", true, "api-design", PLAYBOOK, "breaking-change-deprecation", "failed", 0.5),
        Arguments.of("yaml-valid", Map.of("min", -1L), "api-design", DEV, "breaking-change-deprecation", "errored", 0.0),
        Arguments.of("sql-valid", true, "schema-review", PLAYBOOK, "billing-money-types", "passed", 1.0),
        Arguments.of("sql-valid", true, "schema-review", PLAYBOOK, "catalog-attribute-model", "failed", 0.8),
        Arguments.of("sql-valid", List.of(), "schema-review", PLAYBOOK, "billing-money-types", "errored", 0.0),
        Arguments.of("word-count", Map.of("max", 700L), "schema-review", PLAYBOOK, "orders-hot-query-index", "passed", 1.0),
        Arguments.of("word-count", Map.of("max", 2200L), "api-design", DEV, "cursor-pagination-sync", "failed", 0.0),
        Arguments.of("word-count", Map.of("min", 10L, "max", 5L), "api-design", DEV, "cursor-pagination-sync", "errored", 0.0),
        Arguments.of("headings", Map.of("min", 2L), "api-design", DEV, "bulk-contacts-endpoint", "passed", 1.0),
        Arguments.of("headings", Map.of("include", List.of("Appendix Z: glossary of dragons")), "api-design", DEV, "bulk-contacts-endpoint", "failed", 0.0),
        Arguments.of("headings", Map.of(), "api-design", DEV, "bulk-contacts-endpoint", "errored", 0.0),
        Arguments.of("openapi-valid", true, "api-design", DEV, "breaking-change-deprecation", "passed", 1.0),
        Arguments.of("openapi-valid", true, "api-design", PLAYBOOK, "breaking-change-deprecation", "failed", 0.0),
        Arguments.of("openapi-valid", Map.of("max", 1L), "api-design", DEV, "breaking-change-deprecation", "errored", 0.0),
        Arguments.of("http-status", List.of(Map.of("when", List.of("rate limit", "too many requests"), "status", 429L),
            Map.of("when", List.of("already exists", "duplicate"), "status", List.of(409L, 422L))), "api-design", DEV, "problem-details-errors", "passed", 1.0),
        Arguments.of("http-status", List.of(Map.of("when", List.of("rate limit", "too many requests"), "status", 429L),
            Map.of("when", List.of("already exists", "duplicate"), "status", List.of(409L, 422L))), "api-design", DEV, "rate-limit-signalling", "failed", 0.5),
        Arguments.of("http-status", List.of(Map.of("when", "conflict", "status", 999L)), "api-design", DEV, "rate-limit-signalling", "errored", 0.0));
  }

  @ParameterizedTest(name = "{0} {5} on {3}/{4}")
  @MethodSource("cases")
  void checkOnARealAnswer(String type, Object argument, String suite, String persona, String task, String status, double score)
      throws Exception {
    CheckSpec spec = new CheckSpec(type, argument, 1, null, 1, 1);
    Task t = new Task("t", "c", List.of(), "p", Map.of(), List.of(), new Rubric(0.5, List.of(spec)), 1);
    Scored scored = CHECKS.score(t, answer(suite, persona, task));
    CheckResult r = scored.checks().get(0).result();
    assertThat(r.status()).as(r.evidence()).isEqualTo(status);
    assertThat(r.score()).as(r.evidence()).isCloseTo(score, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.evidence()).isNotBlank();
  }
}
