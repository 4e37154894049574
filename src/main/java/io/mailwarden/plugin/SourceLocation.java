package io.mailwarden.plugin;

/**
 * Where something stands in a rule file.
 *
 * @param file the file as the admin named it ({@code rules/10-finance.yaml})
 * @param line 1-based line
 * @param column 1-based column
 */
public record SourceLocation(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
