package dev.personaharness.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code json-schema: schemas/problem.json}: every ```json block of the answer validates against
 * a JSON Schema file in the suite's folder (draft from its {@code $schema}, 2020-12 when absent).
 * At least one block must exist.
 */
final class JsonSchemaCheck extends TypedCheck<String> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<Path, JsonSchema> schemas = new ConcurrentHashMap<>();

  JsonSchemaCheck() {
    super("json-schema");
  }

  @Override
  String parse(Object argument) {
    return Arguments.text(argument);
  }

  @Override
  public List<String> validate(Object argument, Path suiteFolder) {
    List<String> problems = validate(argument);
    if (problems.isEmpty()) {
      try {
        schema(suiteFolder, (String) argument);
      } catch (IllegalArgumentException e) {
        return List.of(e.getMessage());
      }
    }
    return problems;
  }

  @Override
  CheckResult evaluate(String answer, String file) {
    throw new UnsupportedOperationException("the schema is found through the task's folder");
  }

  @Override
  CheckResult evaluate(CheckInput input, String file) {
    if (input.task().folder() == null) {
      return new CheckResult.Errored("the task has no suite folder to find " + file + " in");
    }
    JsonSchema schema;
    try {
      schema = schema(Path.of(input.task().folder()), file);
    } catch (IllegalArgumentException e) {
      return new CheckResult.Errored(e.getMessage());
    }
    List<Text.Block> blocks = Text.blocks(input.answer()).stream().filter(b -> b.language().equals("json")).toList();
    if (blocks.isEmpty()) {
      return new CheckResult.Failed(0, "no ```json block found");
    }
    int valid = 0;
    List<String> problems = new ArrayList<>();
    for (Text.Block b : blocks) {
      String parse = ParseChecks.json(b.body());
      if (parse != null) {
        problems.add("block at line " + b.line() + ": " + parse);
        continue;
      }
      try {
        Set<ValidationMessage> errors = schema.validate(JSON.readTree(b.body()));
        if (errors.isEmpty()) {
          valid++;
        } else {
          problems.add("block at line " + b.line() + ": " + String.join("; ", errors.stream().map(ValidationMessage::getMessage)
              .sorted().limit(5).toList()));
        }
      } catch (IOException e) {
        problems.add("block at line " + b.line() + ": " + e.getMessage());
      }
    }
    String evidence = valid + " of " + blocks.size() + " json block" + (blocks.size() == 1 ? "" : "s") + " match " + file
        + (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
    return CheckResult.of(problems.isEmpty(), (double) valid / blocks.size(), evidence);
  }

  private JsonSchema schema(Path folder, String file) {
    Path f = folder.resolve(file).normalize();
    if (Path.of(file).isAbsolute() || !f.startsWith(folder.normalize())) {
      throw new IllegalArgumentException("schema '" + file + "' must be a path inside the suite's folder");
    }
    return schemas.computeIfAbsent(f, p -> {
      try {
        JsonNode node = JSON.readTree(Files.readString(p));
        SpecVersion.VersionFlag version = node.has("$schema") ? SpecVersionDetector.detect(node) : SpecVersion.VersionFlag.V202012;
        return JsonSchemaFactory.getInstance(version).getSchema(node);
      } catch (IOException e) {
        throw new IllegalArgumentException("schema '" + file + "' cannot be read: " + e.getMessage());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("schema '" + file + "' is not a usable JSON Schema: " + e.getMessage());
      }
    });
  }
}
