package dev.personaharness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The harness version, from the build. */
final class Version implements CommandLine.IVersionProvider {
  static String get() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/personaharness/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"persona-harness " + get()};
  }
}
