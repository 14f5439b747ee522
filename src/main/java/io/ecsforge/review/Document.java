package io.ecsforge.review;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Markdown text made of fixed parts and cuttable lists, laid out within a character limit.
 *
 * <p>Fixed parts (titles, totals, warning headers) are always kept. When the whole does not fit,
 * list items are dropped tier by tier, in the order of {@link Tier}, each tier keeping the longest
 * prefix (in document order) that fits; every list that lost items says how many. A summary at
 * {@link #cutSummary()} says what was cut overall.
 */
final class Document {
    /** Cuttable items, in the order they are cut: details go first, warnings last. */
    enum Tier {
        DETAIL("attribute diffs"),
        MINOR_ROW("output, drift and deferred rows"),
        CHANGE_ROW("resource rows"),
        /** The "Review first" items: only the deletion warnings are kept longer. */
        REVIEW("review items"),
        WARNING("warning lines");

        final String noun;

        Tier(String noun) {
            this.noun = noun;
        }
    }

    private sealed interface Block permits Text, Group, CutSummary {}

    private record Text(String text) implements Block {}

    private record CutSummary() implements Block {}

    /**
     * A list whose items may be cut. {@code header} and {@code footer} are printed only when at
     * least one item is kept; the note replaces the cut items: notePrefix + "N of M noun cut" + noteSuffix.
     */
    private record Group(Tier tier, String header, List<String> items, String footer, String noun,
            String notePrefix, String noteSuffix) implements Block {}

    private final List<Block> blocks = new ArrayList<>();
    private final String cutHint;

    Document(String cutHint) {
        this.cutHint = cutHint;
    }

    void text(String text) {
        blocks.add(new Text(text));
    }

    /** Where the overall note goes when something had to be cut. */
    void cutSummary() {
        blocks.add(new CutSummary());
    }

    void group(Tier tier, String header, List<String> items, String footer, String noun) {
        group(tier, header, items, footer, noun, "_", "._\n\n");
    }

    void group(Tier tier, String header, List<String> items, String footer, String noun, String notePrefix,
            String noteSuffix) {
        if (!items.isEmpty()) {
            blocks.add(new Group(tier, header, List.copyOf(items), footer, noun, notePrefix, noteSuffix));
        }
    }

    /** The text, at most {@code maxChars} UTF-16 units long (GitHub counts characters, never more than that). */
    String render(int maxChars) {
        Map<Tier, Integer> keep = totals();
        String all = layout(keep, maxChars);
        if (all.length() <= maxChars) {
            return all;
        }
        for (Tier tier : Tier.values()) {
            keep.put(tier, 0);
            if (layout(keep, maxChars).length() > maxChars) {
                continue;
            }
            int fits = 0;
            int tooLong = totals().get(tier);
            while (tooLong - fits > 1) {
                int middle = (fits + tooLong) >>> 1;
                keep.put(tier, middle);
                if (layout(keep, maxChars).length() <= maxChars) {
                    fits = middle;
                } else {
                    tooLong = middle;
                }
            }
            keep.put(tier, fits);
            return layout(keep, maxChars);
        }
        return hardCut(layout(keep, maxChars), maxChars);
    }

    /** Only when the fixed parts alone are too long (thousands of stacks): cut at a line end and say so. */
    private static String hardCut(String text, int maxChars) {
        String note = "\n\n_The rest of this summary was cut to fit the comment size limit._\n";
        int end = text.lastIndexOf('\n', Math.max(0, maxChars - note.length()));
        return text.substring(0, Math.max(0, end)) + note;
    }

    private Map<Tier, Integer> totals() {
        Map<Tier, Integer> totals = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            totals.put(tier, 0);
        }
        for (Block block : blocks) {
            if (block instanceof Group group) {
                totals.merge(group.tier(), group.items().size(), Integer::sum);
            }
        }
        return totals;
    }

    private String layout(Map<Tier, Integer> keep, int maxChars) {
        Map<Tier, Integer> left = new EnumMap<>(keep);
        Map<Tier, Integer> cut = new EnumMap<>(Tier.class);
        StringBuilder body = new StringBuilder();
        int summaryAt = -1;
        for (Block block : blocks) {
            if (block instanceof Text text) {
                body.append(text.text());
            } else if (block instanceof CutSummary) {
                summaryAt = body.length();
            } else if (block instanceof Group group) {
                int n = group.items().size();
                int kept = Math.min(n, left.get(group.tier()));
                left.put(group.tier(), left.get(group.tier()) - kept);
                if (kept > 0) {
                    body.append(group.header());
                    group.items().subList(0, kept).forEach(body::append);
                    body.append(group.footer());
                }
                if (kept < n) {
                    cut.merge(group.tier(), n - kept, Integer::sum);
                    body.append(group.notePrefix()).append(n - kept).append(" of ").append(n).append(' ')
                            .append(group.noun()).append(" cut to fit the comment size limit")
                            .append(group.noteSuffix());
                }
            }
        }
        if (!cut.isEmpty() && summaryAt >= 0) {
            body.insert(summaryAt, summary(cut, maxChars));
        }
        return body.toString();
    }

    private String summary(Map<Tier, Integer> cut, int maxChars) {
        List<String> parts = new ArrayList<>();
        cut.forEach((tier, n) -> parts.add(n + " " + tier.noun));
        return "> [!NOTE]\n> Shortened to stay under the " + String.format(Locale.ROOT, "%,d", maxChars)
                + "-character comment limit: cut " + String.join(", ", parts)
                + ". The totals and the counts of deletions and replacements are complete. " + cutHint + "\n\n";
    }
}
