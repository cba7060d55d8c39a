package org.tocsin.models.functional;

import java.util.Set;

/**
 * One template line of a part file.
 *
 * @param id its id ({@code en-tr-001})
 * @param part the part file it came from
 * @param function what it tests
 * @param hateful the gold label of its cases
 * @param incitement whether its cases are incitement
 * @param groups the groups it is expanded for: {@code null} for every group of the language, an
 *     empty set for none
 * @param text the template, with {@code {placeholders}} and {@code [m|f]} alternations
 * @param line its line in the file, for messages
 */
record Template(
    String id,
    Part part,
    CaseFunction function,
    boolean hateful,
    boolean incitement,
    Set<String> groups,
    String text,
    int line) {}
