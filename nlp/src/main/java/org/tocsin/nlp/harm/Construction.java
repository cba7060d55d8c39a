package org.tocsin.nlp.harm;

/** The harmful constructions the grammar recognises, each aimed at a group. */
public enum Construction {
  /** The speaker's own announced act: "I will kill all X", "we are going to deport X". */
  DIRECT_THREAT("direct threat"),
  /** What should happen to a group: "X should be shot", "X deserve to die". */
  NORMATIVE_THREAT("normative threat"),
  /** A call for an act: "kill all X", "let's get rid of X", "someone should gas X". */
  CALL("call"),
  /** A dehumanising comparison: "X are vermin", "X are like rats", "X are not human". */
  DEHUMANISATION("dehumanising comparison"),
  /** Derogation by attribute or emotion: "X are disgusting", "I hate X". */
  DEROGATION("derogation"),
  /**
   * Violent words and a group in one clause that fit no construction; only ever reported blocked
   * ("no one should hurt X"), never fired.
   */
  VIOLENT_WORDS("violent words near a group");

  private final String label;

  Construction(String label) {
    this.label = label;
  }

  /** How notes and evidence name it. */
  public String label() {
    return label;
  }

  /** Whether it asks for or announces an act (threats and calls). */
  public boolean incites() {
    return this == DIRECT_THREAT || this == NORMATIVE_THREAT || this == CALL;
  }
}
