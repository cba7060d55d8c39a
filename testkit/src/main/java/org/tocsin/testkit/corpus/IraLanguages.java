package org.tocsin.testkit.corpus;

import java.util.Map;

/**
 * Maps the language names of the FiveThirtyEight IRA data (as Salesforce Social Studio detected
 * them) to BCP-47 tags. Social Studio's detection is automatic and often wrong on short texts; the
 * tag says what the source claimed, not what a reader would judge.
 */
public final class IraLanguages {

  private static final Map<String, String> TAGS =
      Map.ofEntries(
          Map.entry("Albanian", "sq"),
          Map.entry("Arabic", "ar"),
          Map.entry("Bengali", "bn"),
          Map.entry("Bulgarian", "bg"),
          Map.entry("Catalan", "ca"),
          Map.entry("Croatian", "hr"),
          Map.entry("Czech", "cs"),
          Map.entry("Danish", "da"),
          Map.entry("Dutch", "nl"),
          Map.entry("English", "en"),
          Map.entry("Estonian", "et"),
          Map.entry("Farsi (Persian)", "fa"),
          Map.entry("Finnish", "fi"),
          Map.entry("French", "fr"),
          Map.entry("German", "de"),
          Map.entry("Greek", "el"),
          Map.entry("Hebrew", "he"),
          Map.entry("Hindi", "hi"),
          Map.entry("Hungarian", "hu"),
          Map.entry("Icelandic", "is"),
          Map.entry("Indonesian", "id"),
          Map.entry("Italian", "it"),
          Map.entry("Japanese", "ja"),
          Map.entry("Korean", "ko"),
          Map.entry("Kurdish", "ku"),
          Map.entry("Latvian", "lv"),
          Map.entry("Lithuanian", "lt"),
          Map.entry("Macedonian", "mk"),
          Map.entry("Malay", "ms"),
          Map.entry("Norwegian", "no"),
          Map.entry("Polish", "pl"),
          Map.entry("Portuguese", "pt"),
          Map.entry("Pushto", "ps"),
          Map.entry("Romanian", "ro"),
          Map.entry("Russian", "ru"),
          Map.entry("Serbian", "sr"),
          Map.entry("Simplified Chinese", "zh-Hans"),
          Map.entry("Slovak", "sk"),
          Map.entry("Slovenian", "sl"),
          Map.entry("Somali", "so"),
          Map.entry("Spanish", "es"),
          Map.entry("Swedish", "sv"),
          Map.entry("Tagalog (Filipino)", "tl"),
          Map.entry("Thai", "th"),
          Map.entry("Traditional Chinese", "zh-Hant"),
          Map.entry("Turkish", "tr"),
          Map.entry("Ukrainian", "uk"),
          Map.entry("Urdu", "ur"),
          Map.entry("Uzbek", "uz"),
          Map.entry("Vietnamese", "vi"));

  private IraLanguages() {}

  /**
   * The BCP-47 tag for a language name of the data.
   *
   * @return the tag, or {@code null} for {@code LANGUAGE UNDEFINED}, a blank name or a name this
   *     table does not know
   */
  public static String tag(String name) {
    return name == null ? null : TAGS.get(name.strip());
  }
}
