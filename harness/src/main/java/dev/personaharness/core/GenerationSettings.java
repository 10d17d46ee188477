package dev.personaharness.core;

/** Sampling settings for one suite (its {@code defaults}), overridable from the command line. */
public record GenerationSettings(int epochs, double temperature, int maxTokens, Integer seed, double threshold) {
  public static final GenerationSettings DEFAULT = new GenerationSettings(1, 0.0, 4096, null, 0.75);
  /** More answers per task than this is a typo, and would fill memory with cases before the first runs. */
  public static final int MAX_EPOCHS = 1000;

  public GenerationSettings {
    if (epochs < 1 || epochs > MAX_EPOCHS) {
      throw new IllegalArgumentException("epochs must be from 1 to " + MAX_EPOCHS);
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("max_tokens must be at least 1");
    }
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be in [0, 1]");
    }
  }

  public GenerationSettings withEpochs(int n) {
    return new GenerationSettings(n, temperature, maxTokens, seed, threshold);
  }

  /** These settings with any non-null override applied (command-line options over suite defaults). */
  public GenerationSettings override(Integer epochs, Double temperature, Integer maxTokens, Integer seed) {
    return new GenerationSettings(epochs != null ? epochs : this.epochs, temperature != null ? temperature : this.temperature,
        maxTokens != null ? maxTokens : this.maxTokens, seed != null ? seed : this.seed, threshold);
  }
}
