package dev.personaharness;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way (see STYLE): core values ← loaders ← prompt assembly ← recordings ←
 * model clients ← checks ← project ← run log ← runner; run log ← statistics ← reports; the whole-run
 * benchmark above runner and reports (it drives a run as the CLI does); the CLI on top, imported by
 * nothing. Each third-party library stays behind its package.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.personaharness");

  private static final String P = "dev.personaharness.";

  @Test
  void layersDependOnlyDownwards() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("core").definedBy(P + "core..")
        .layer("loaders").definedBy(P + "persona..", P + "suite..")
        .layer("prompt").definedBy(P + "prompt..")
        .layer("recording").definedBy(P + "recording..")
        .layer("model").definedBy(P + "model..")
        .layer("check").definedBy(P + "check..")
        .layer("project").definedBy(P + "project..")
        .layer("runlog").definedBy(P + "runlog..")
        .layer("runner").definedBy(P + "runner..", P + "importing..")
        .layer("stats").definedBy(P + "stats..")
        .layer("report").definedBy(P + "report..")
        .layer("bench").definedBy(P + "bench..")
        .layer("cli").definedBy(P + "cli..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("report").mayOnlyBeAccessedByLayers("bench", "cli")
        .whereLayer("stats").mayOnlyBeAccessedByLayers("report", "cli")
        .whereLayer("runner").mayOnlyBeAccessedByLayers("bench", "cli")
        .whereLayer("runlog").mayOnlyBeAccessedByLayers("runner", "report", "bench", "cli")
        .whereLayer("project").mayOnlyBeAccessedByLayers("runner", "bench", "cli")
        .whereLayer("check").mayOnlyBeAccessedByLayers("project", "runner", "cli")
        .whereLayer("model").mayOnlyBeAccessedByLayers("check", "project", "runner", "bench", "cli")
        .whereLayer("recording").mayOnlyBeAccessedByLayers("model", "runner", "bench", "cli")
        .whereLayer("prompt").mayOnlyBeAccessedByLayers("recording", "model", "check", "project", "runner", "bench", "cli")
        .whereLayer("loaders").mayOnlyBeAccessedByLayers("project", "prompt", "runner", "cli")
        .check(CLASSES);
  }

  @Test
  void noCycles() {
    slices().matching("dev.personaharness.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void picocliOnlyInTheCli() {
    noClasses().that().resideOutsideOfPackage(P + "cli..").should().dependOnClassesThat()
        .resideInAPackage("picocli..").check(CLASSES);
  }

  @Test
  void snakeyamlOnlyWhereFilesAreRead() {
    noClasses().that().resideOutsideOfPackages(P + "persona..", P + "suite..", P + "recording..", P + "check..", P + "report..")
        .should().dependOnClassesThat().resideInAPackage("org.yaml..").check(CLASSES);
  }

  @Test
  void jacksonOnlyWhereJsonIsReadOrWritten() {
    noClasses().that().resideOutsideOfPackages(P + "runlog..", P + "check..", P + "importing..", P + "model..", P + "report..", P + "cli..")
        .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..").check(CLASSES);
  }
}
