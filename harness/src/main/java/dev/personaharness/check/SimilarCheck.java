package dev.personaharness.check;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code similar}: the answer (or the section under a heading containing {@code section}) is close
 * in meaning to one of the reference answers: cosine similarity of all-MiniLM-L6-v2 sentence
 * embeddings, computed offline from the model langchain4j ships in a Maven artifact. Passes at
 * {@code threshold} (default 0.75); the score is 1 when it passes, else the best similarity.
 * The model loads once per JVM, on first use, so runs without a similar check never pay for it.
 */
final class SimilarCheck extends TypedCheck<SimilarCheck.Arg> {
  record Arg(List<String> references, double threshold, String section) {}

  /** Initialization-on-demand holder: loaded the first time a similar check evaluates. */
  private static final class Model {
    static final EmbeddingModel INSTANCE = new AllMiniLmL6V2EmbeddingModel();
  }

  SimilarCheck() {
    super("similar");
  }

  @Override
  Arg parse(Object argument) {
    Map<String, Object> m = Arguments.map(argument, List.of("reference", "references", "threshold", "section"));
    List<String> refs = new ArrayList<>();
    if (m.containsKey("reference")) {
      refs.add(Arguments.text(m.get("reference")));
    }
    if (m.containsKey("references")) {
      refs.addAll(Arguments.texts(m.get("references"), 1));
    }
    if (refs.isEmpty()) {
      throw new Arguments.Bad("needs 'reference' or 'references'");
    }
    double threshold = 0.75;
    if (m.containsKey("threshold")) {
      if (!(m.get("threshold") instanceof Number n) || n.doubleValue() < -1 || n.doubleValue() > 1) {
        throw new Arguments.Bad("'threshold' must be a number from -1 to 1, found " + Arguments.describe(m.get("threshold")));
      }
      threshold = n.doubleValue();
    }
    String section = m.containsKey("section") ? Arguments.text(m.get("section")) : null;
    return new Arg(List.copyOf(refs), threshold, section);
  }

  @Override
  CheckResult evaluate(String answer, Arg arg) {
    String text = answer;
    if (arg.section() != null) {
      text = section(answer, arg.section());
      if (text == null) {
        return new CheckResult.Failed(0, "no heading containing " + Text.quote(arg.section()));
      }
    }
    Embedding a = Model.INSTANCE.embed(text).content();
    double best = -1;
    int which = 0;
    for (int i = 0; i < arg.references().size(); i++) {
      double sim = CosineSimilarity.between(a, Model.INSTANCE.embed(arg.references().get(i)).content());
      if (sim > best) {
        best = sim;
        which = i + 1;
      }
    }
    boolean ok = best >= arg.threshold();
    String evidence = String.format(java.util.Locale.ROOT, "cosine similarity %.3f with reference %d of %d (threshold %.2f)%s",
        best, which, arg.references().size(), arg.threshold(), arg.section() == null ? "" : " in section " + Text.quote(arg.section()));
    return CheckResult.of(ok, ok ? 1 : Math.max(0, Math.min(1, best)), evidence);
  }

  /** The text under the first heading containing {@code name}, up to the next heading of the same or a higher level. */
  static String section(String answer, String name) {
    String[] lines = answer.split("\\r?\\n", -1);
    int start = -1;
    int level = 0;
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      java.util.regex.Matcher h = java.util.regex.Pattern.compile("^ {0,3}(#{1,6})\\s+(.*)$").matcher(line);
      if (h.matches()) {
        if (start >= 0 && h.group(1).length() <= level) {
          break;
        }
        if (start < 0 && Text.lower(h.group(2)).contains(Text.lower(name))) {
          start = 0;
          level = h.group(1).length();
          continue;
        }
      }
      if (start >= 0) {
        sb.append(line).append('\n');
      }
    }
    return start < 0 ? null : sb.toString();
  }
}
