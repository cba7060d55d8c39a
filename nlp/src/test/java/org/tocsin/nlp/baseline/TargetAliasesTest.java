package org.tocsin.nlp.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetAliasesTest {
  @Test
  void pluralsOtherLanguagesAndCaseLeadToTheGroup() {
    TargetAliases a = TargetAliases.shipped();
    assertThat(a.resolve("muslim")).contains("muslim");
    assertThat(a.resolve(" Muslims ")).contains("muslim");
    assertThat(a.resolve("moslems")).contains("muslim");
    assertThat(a.resolve("Muslime")).contains("muslim");
    assertThat(a.resolve("jews")).contains("jewish");
    assertThat(a.resolve("people of colour")).contains("people_of_colour");
    assertThat(a.resolve("people_of_colour")).contains("people_of_colour");
    assertThat(a.resolve("martians")).isEmpty();
    assertThat(a.resolve(null)).isEmpty();
    assertThat(a.groups().get("muslim").aliases()).contains("muslims", "moslems");
  }

  @Test
  void typosGetTheNearestGroupsAndNonsenseGetsNone() {
    TargetAliases a = TargetAliases.shipped();
    assertThat(a.suggest("muslm", 3)).startsWith("muslim");
    assertThat(a.suggest("rohingy", 3)).contains("rohingya");
    assertThat(a.suggest("qqqqqqqqqq", 3)).isEmpty();
    assertThat(a.suggest("", 3)).isEmpty();
  }

  @Test
  void slursAreNoAliasesAndATermOfTwoGroupsIsAnAliasOfNeither() throws Exception {
    String first =
        "tocsin-lexicon\tformat=1\tname=t\n"
            + "alpha\tgroup\t1.0\tgroup_a\treligious\ttocsin\n"
            + "shared\tgroup\t1.0\tgroup_a\treligious\ttocsin\n"
            + "badword\tslur\t1.0\tgroup_b\tethnic\ttocsin\n";
    String second =
        "tocsin-lexicon\tformat=1\tname=u\tlang=de\n"
            + "shared\tgroup\t1.0\tgroup_b\tethnic\ttocsin\n";
    TargetAliases a =
        TargetAliases.of(
            List.of(
                Lexicon.read(new BufferedReader(new StringReader(first)), "first"),
                Lexicon.read(new BufferedReader(new StringReader(second)), "second")));
    assertThat(a.resolve("alpha")).contains("group_a");
    assertThat(a.resolve("shared")).isEmpty();
    assertThat(a.resolve("badword")).isEmpty();
    assertThat(a.resolve("group_b")).contains("group_b");
  }
}
