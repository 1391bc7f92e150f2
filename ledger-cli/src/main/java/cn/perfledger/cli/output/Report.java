package cn.perfledger.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * What a command shows of a server answer: heading lines (what, at which basis), titled sections of tables, and
 * footer lines (totals, notes). {@code csv} is the one table written for {@code --format csv} — a CSV file holds
 * one table, so each command names the table that answers its question.
 */
public record Report(List<String> heading, List<Section> sections, List<String> footer, Table csv) {

    /** A titled table (an empty title prints the table alone). */
    public record Section(String title, Table table) {
    }

    public Report {
        heading = List.copyOf(heading);
        sections = List.copyOf(sections);
        footer = List.copyOf(footer);
    }

    /** The report as text lines for a terminal: heading, blank line, each section, footer. */
    public List<String> textLines() {
        List<String> lines = new ArrayList<>(heading);
        for (Section section : sections) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            if (!section.title().isEmpty()) {
                lines.add(section.title());
            }
            if (section.table().isEmpty()) {
                lines.add("（无）");
            } else {
                lines.addAll(TextTable.render(section.table()));
            }
        }
        if (!footer.isEmpty()) {
            lines.add("");
            lines.addAll(footer);
        }
        return lines;
    }

    /** Collects the parts of a report. */
    public static final class Builder {
        private final List<String> heading = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private final List<String> footer = new ArrayList<>();
        private Table csv;

        public Builder heading(String line) {
            heading.add(line);
            return this;
        }

        public Builder section(String title, Table table) {
            sections.add(new Section(title, table));
            return this;
        }

        /** The table {@code --format csv} writes; defaults to the first section's. */
        public Builder csv(Table table) {
            this.csv = table;
            return this;
        }

        public Builder footer(String line) {
            footer.add(line);
            return this;
        }

        public Report build() {
            Table forCsv = csv != null ? csv : sections.isEmpty() ? new Table() : sections.get(0).table();
            return new Report(heading, sections, footer, forCsv);
        }
    }

    public static Builder builder() {
        return new Builder();
    }
}
