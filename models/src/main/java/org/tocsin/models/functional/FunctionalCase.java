package org.tocsin.models.functional;

import java.util.Objects;

/**
 * One case of the suite: a text with its gold label, one function x one target group x one
 * language.
 *
 * @param id stable id: the template id, the group and the filler index ({@code en-te-001.jews.2});
 *     obfuscated cases add the transform ({@code ....obf-leet})
 * @param lang ISO 639-1 code
 * @param part the part the case belongs to
 * @param function what the case tests
 * @param group the target group ({@code jews} ...), or {@code none} for cases with no group
 * @param hateful the gold label
 * @param incitement whether the case is incitement: a threat or a call to violence, expulsion or
 *     extermination (only hateful cases can be)
 * @param text the text to score
 * @param templateId the template the case was made from
 * @param obfuscation the spelling transform applied, or {@code null}
 * @param base the text before the transform, or {@code null} when there is none
 */
public record FunctionalCase(
    String id,
    String lang,
    Part part,
    CaseFunction function,
    String group,
    boolean hateful,
    boolean incitement,
    String text,
    String templateId,
    Obfuscation obfuscation,
    String base) {

  /** The group of a case that targets no group. */
  public static final String NO_GROUP = "none";

  /** Checks the required fields and that only hateful cases are incitement. */
  public FunctionalCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(templateId, "templateId");
    if (incitement && !hateful) {
      throw new IllegalArgumentException("a case that is not hateful cannot be incitement: " + id);
    }
    if ((obfuscation == null) != (base == null)) {
      throw new IllegalArgumentException("obfuscation and base go together: " + id);
    }
  }
}
