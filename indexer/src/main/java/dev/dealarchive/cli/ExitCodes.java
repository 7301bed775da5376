package dev.dealarchive.cli;

/** Exit codes of the {@code archive} command. */
public final class ExitCodes {
  private ExitCodes() {}

  /** Everything worked. */
  public static final int OK = 0;
  /** The command failed; for {@code index}, the index is exactly as before the run. */
  public static final int FAILED = 1;
  /** {@code index}: the run finished but some inputs or records were skipped. */
  public static final int SKIPPED = 2;
  /** The command line was wrong (unknown option, missing argument). */
  public static final int USAGE = 64;
}
