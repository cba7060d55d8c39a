package org.tocsin.nlp.harm;

/** The act a threat or call names, strongest first. */
public enum Act {
  /** Killing a whole group: exterminate, wipe out, gas. */
  EXTERMINATION("extermination"),
  /** Killing or hurting: kill, shoot, hang, die. */
  VIOLENCE("violence"),
  /** Expelling: deport, throw out, send back. */
  EXPULSION("expulsion"),
  /** No act: a comparison or a derogation. */
  NONE("none");

  private final String label;

  Act(String label) {
    this.label = label;
  }

  /** How notes and evidence name it. */
  public String label() {
    return label;
  }

  static Act of(HarmClass c) {
    return switch (c) {
      case EXTERMINATE, EXTERMINATE_PP -> EXTERMINATION;
      case VIOLENT, VIOLENT_PP, DIE, DEATH, LIFE -> VIOLENCE;
      case EXPEL, EXPEL_PP -> EXPULSION;
      default -> NONE;
    };
  }
}
