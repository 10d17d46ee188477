package dev.personaharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DomainChecksTest {
  @Test
  void openApiStructureIsValidatedAgainstTheSpecificationNotJustParsed() {
    assertThat(DomainChecks.OpenApiValid.validate("""
        openapi: 3.0.3
        info: {title: Orders, version: "1"}
        paths:
          /orders:
            get:
              responses:
                "200": {description: ok}
        """)).isEmpty();
    // valid YAML, invalid OpenAPI: no info, an operation without responses
    assertThat(DomainChecks.OpenApiValid.validate("""
        openapi: 3.0.3
        paths:
          /orders:
            get:
              summary: list
        """)).contains("attribute info is missing", "attribute paths.'/orders'(get).responses is missing");
    assertThat(DomainChecks.OpenApiValid.validate("openapi: 2.0\ninfo: {title: x, version: '1'}\npaths: {}\n"))
        .isNotEmpty();
  }

  @Test
  void anAliasBombInAnAnswerIsRefusedBeforeTheOpenApiParserSeesIt() {
    StringBuilder bomb = new StringBuilder("openapi: 3.0.3\na: &a [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 30; i++) {
      bomb.append("b").append(i).append(": &b").append(i).append(" [*").append(i == 0 ? "a" : "b" + (i - 1))
          .append(", *").append(i == 0 ? "a" : "b" + (i - 1)).append("]\n");
    }
    List<String> problems = DomainChecks.OpenApiValid.validate(bomb.toString());
    assertThat(problems).singleElement().asString().startsWith("not valid YAML/JSON: ");
  }
}
