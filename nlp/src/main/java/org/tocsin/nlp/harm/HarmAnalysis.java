package org.tocsin.nlp.harm;

import java.util.List;

/**
 * What the harm grammar found in one post.
 *
 * @param findings every construction found, those a blocker stops included
 * @param readings how obfuscated words were read ("'k1ll' read as 'kill' (leetspeak)")
 */
public record HarmAnalysis(List<HarmFinding> findings, List<String> readings) {

  /** Freezes the lists. */
  public HarmAnalysis {
    findings = List.copyOf(findings);
    readings = List.copyOf(readings);
  }

  /** The findings that count. */
  public List<HarmFinding> fired() {
    return findings.stream().filter(HarmFinding::fires).toList();
  }

  /** The findings a blocker stops. */
  public List<HarmFinding> blocked() {
    return findings.stream().filter(f -> !f.fires()).toList();
  }
}
