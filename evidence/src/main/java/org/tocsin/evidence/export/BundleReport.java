package org.tocsin.evidence.export;

/**
 * The outcome of checking an export bundle: ok, or the first fault with where it is.
 *
 * @param ok whether every check passed
 * @param location where the first fault is: a bag-relative file, with a line, record or field where
 *     one applies ({@code data/captures.warc.gz record 3 (urn:uuid:...)}); null when ok
 * @param problem what is wrong; null when ok
 * @param items how many exported captures were checked end to end
 * @param bagSha256 the bag digest (SHA-256 of {@code tagmanifest-sha256.txt}) to compare with the
 *     ledger's {@code exported} event; null if the bag has no tag manifest
 * @param keyId lower-case hex key id of the key the tree head was checked with; null if not reached
 * @param format the bag format version (1, or 2 with a bag signature); 0 if not reached
 * @param unproven what the user asked for (or the bag's format) that the checks could not prove,
 *     one sentence each; a verifier must not call such a bag proven
 * @param notes what the checks rest on and did not cover because the user did not ask (no trusted
 *     key given), one sentence each
 */
public record BundleReport(
    boolean ok,
    String location,
    String problem,
    int items,
    String bagSha256,
    String keyId,
    int format,
    java.util.List<String> unproven,
    java.util.List<String> notes) {

  /** Copies the lists. */
  public BundleReport {
    unproven = java.util.List.copyOf(unproven);
    notes = java.util.List.copyOf(notes);
  }

  static BundleReport passed(
      int items,
      String bagSha256,
      String keyId,
      int format,
      java.util.List<String> unproven,
      java.util.List<String> notes) {
    return new BundleReport(true, null, null, items, bagSha256, keyId, format, unproven, notes);
  }

  static BundleReport failed(
      String location, String problem, String bagSha256, String keyId, int format) {
    return new BundleReport(
        false,
        location,
        problem,
        0,
        bagSha256,
        keyId,
        format,
        java.util.List.of(),
        java.util.List.of());
  }

  /** Whether every check passed and nothing the user asked for was left unproven. */
  public boolean proven() {
    return ok && unproven.isEmpty();
  }

  /**
   * One line for people: {@code OK ...}, {@code NO FAULT FOUND, NOT PROVEN: ...} when every check
   * passed but something asked for was not proven, or {@code FAULT at <location>: <problem>}.
   */
  @Override
  public String toString() {
    return ok
        ? (unproven.isEmpty() ? "OK: " : "NO FAULT FOUND, NOT PROVEN: ")
            + items
            + " capture(s) checked; tree head signed by key "
            + keyId
            + "; bag sha256 "
            + bagSha256
            + "; bag format "
            + format
        : "FAULT at " + location + ": " + problem;
  }
}
