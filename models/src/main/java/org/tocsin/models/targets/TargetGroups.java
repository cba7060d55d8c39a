package org.tocsin.models.targets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tocsin.core.score.Ground;

/**
 * HateXplain's target communities mapped onto Tocsin's taxonomy (the group names the lexicon uses,
 * with their legal ground). Only communities with at least 100 training posts are learnt; {@code
 * None}, {@code Other} and the rarer ones ({@code Minority}, {@code Heterosexual}, {@code Indian},
 * {@code Hindu}, {@code Indigenous} ...) are left out.
 */
public final class TargetGroups {
  private TargetGroups() {}

  /**
   * A group of the model.
   *
   * @param hatexplain HateXplain's name of the community
   * @param group the taxonomy name
   * @param ground its legal ground
   */
  public record Group(String hatexplain, String group, Ground ground) {
    /** The artifact's label: {@code group/ground}. */
    public String label() {
      return group + "/" + ground.jsonName();
    }
  }

  /** The groups, in output order. */
  public static final List<Group> GROUPS =
      List.of(
          new Group("African", "black", Ground.RACIAL),
          new Group("Women", "women", Ground.GENDER),
          new Group("Islam", "muslim", Ground.RELIGIOUS),
          new Group("Homosexual", "gay", Ground.SEXUAL_ORIENTATION),
          new Group("Jewish", "jewish", Ground.RELIGIOUS),
          new Group("Arab", "arab", Ground.ETHNIC),
          new Group("Caucasian", "white", Ground.RACIAL),
          new Group("Men", "men", Ground.GENDER),
          new Group("Refugee", "refugee", Ground.MIGRATION_STATUS),
          new Group("Asian", "asian", Ground.RACIAL),
          new Group("Hispanic", "hispanic", Ground.ETHNIC),
          new Group("Christian", "christian", Ground.RELIGIOUS),
          new Group("Disability", "disabled", Ground.DISABILITY));

  /** HateXplain name to output index. */
  public static Map<String, Integer> index() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < GROUPS.size(); i++) {
      m.put(GROUPS.get(i).hatexplain(), i);
    }
    return m;
  }
}
