package io.ecsforge.review;

import io.ecsforge.review.rules.Category;
import io.ecsforge.review.rules.ReviewItem;
import io.ecsforge.review.rules.Rules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns read plans into the Markdown of a pull-request comment. Pure: the same stacks and
 * options always give the same text, and nothing is read or written.
 *
 * <p>Order: the comment marker, the title, warnings about deletions and replacements, one
 * headline per environment, then per changed stack its table of changes, the attribute diffs,
 * output changes, deferred changes and drift. Environments and stacks are sorted by name,
 * changes by address, attributes by path.
 */
public final class MarkdownRenderer {
    private static final Map<String, String> REASONS = new LinkedHashMap<>();

    static {
        REASONS.put("replace_because_cannot_update", "cannot be updated in place");
        REASONS.put("replace_because_tainted", "tainted (a create failed part way, or terraform taint)");
        REASONS.put("replace_by_request", "replacement requested with -replace");
        REASONS.put("replace_by_triggers", "a replace_triggered_by reference changed");
        REASONS.put("delete_because_no_resource_config", "no longer in the configuration");
        REASONS.put("delete_because_wrong_repetition", "count or for_each was added or removed");
        REASONS.put("delete_because_count_index", "its count index is beyond the new count");
        REASONS.put("delete_because_each_key", "its for_each key is gone");
        REASONS.put("delete_because_no_module", "its module is no longer in the configuration");
        REASONS.put("delete_because_no_move_target", "the target of its moved block does not exist");
        REASONS.put("read_because_config_unknown", "its configuration is known only during apply");
        REASONS.put("read_because_dependency_pending", "it depends on a resource with pending changes");
        REASONS.put("read_because_check_nested", "it is read by a check block");
    }

    private final SummaryOptions options;
    private final Document doc;

    private MarkdownRenderer(SummaryOptions options) {
        this.options = options;
        this.doc = new Document(options.cutHint());
    }

    public static String render(List<PlannedStack> stacks, SummaryOptions options) {
        MarkdownRenderer renderer = new MarkdownRenderer(options);
        renderer.build(sorted(stacks));
        return renderer.doc.render(options.maxChars());
    }

    /** The hidden first line a workflow finds its earlier comment by: {@code <!-- ecsforge-plan:dev -->}. */
    public static String marker(List<String> environments) {
        List<String> named = environments.stream().filter(e -> !e.isEmpty()).distinct().sorted().toList();
        return named.isEmpty() ? "<!-- ecsforge-plan -->" : "<!-- ecsforge-plan:" + String.join(",", named) + " -->";
    }

    private static List<PlannedStack> sorted(List<PlannedStack> stacks) {
        return stacks.stream()
                .sorted(Comparator.comparing(PlannedStack::environment).thenComparing(PlannedStack::stack))
                .toList();
    }

    private void build(List<PlannedStack> stacks) {
        Map<String, List<PlannedStack>> byEnvironment = stacks.stream()
                .collect(Collectors.groupingBy(PlannedStack::environment, LinkedHashMap::new, Collectors.toList()));
        List<String> environments = new ArrayList<>(byEnvironment.keySet());
        doc.text(marker(environments) + "\n");
        List<String> named = environments.stream().filter(e -> !e.isEmpty()).map(Md::code).toList();
        doc.text(named.isEmpty() ? "## Terraform plan\n\n" : "## Terraform plan for " + String.join(", ", named) + "\n\n");
        doc.cutSummary();
        reviewFirst(stacks);
        warnings(stacks);
        byEnvironment.forEach(this::headline);
        for (PlannedStack stack : stacks) {
            Plan plan = stack.plan();
            if (plan.hasChanges() || !plan.drift().isEmpty() || !plan.deferred().isEmpty() || plan.errored()) {
                stackSection(stack);
            }
        }
    }

    /**
     * What a security reviewer must look at, by category, each item linking to its resource's
     * diff; one line saying nothing was found when the plans change something but no rule fired.
     */
    private void reviewFirst(List<PlannedStack> stacks) {
        List<ReviewItem> items = Rules.review(stacks);
        List<String> unchecked = stacks.stream()
                .filter(stack -> stack.plan().sensitivityUnmarked() && stack.plan().hasChanges())
                .map(MarkdownRenderer::where).toList();
        String uncheckedNote = unchecked.isEmpty() ? "" : "_The plans of " + String.join(", ", unchecked)
                + " do not say which values are sensitive (Terraform before 0.15), so only what their changes do to"
                + " a resource's type was checked, none of their values._\n\n";
        if (items.isEmpty()) {
            if (stacks.stream().anyMatch(stack -> stack.plan().hasChanges())) {
                doc.text("**Review first:** nothing found. No change widens permissions, opens the network, puts"
                        + " data at risk or touches what makes a release safe.\n\n" + uncheckedNote);
            }
            return;
        }
        doc.text("### Review first\n\n" + uncheckedNote);
        Map<Category, List<ReviewItem>> byCategory = items.stream().collect(
                Collectors.groupingBy(ReviewItem::category, () -> new EnumMap<>(Category.class), Collectors.toList()));
        byCategory.forEach((category, inCategory) -> {
            doc.text("**" + category.title() + "** (" + inCategory.size() + ")\n\n");
            List<String> lines = inCategory.stream().map(item -> "- [" + Md.code(item.address()) + "](#"
                    + anchor(item.environment(), item.stack(), item.address()) + ") in "
                    + where(item.environment(), item.stack()) + ": " + item.text() + "\n").toList();
            doc.group(Document.Tier.REVIEW, "", lines, "\n", "review items", "- _", "._\n\n");
        });
    }

    /** The id a change's diff is found by: GitHub keeps it, prefixed, and follows links to it. */
    static String anchor(String environment, String stack, String address) {
        String id = "ecsforge-" + (environment.isEmpty() ? "" : environment + "-") + stack + "-" + address;
        return id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
    }

    private void warnings(List<PlannedStack> stacks) {
        List<String> lines = new ArrayList<>();
        List<String> errored = new ArrayList<>();
        int deletes = 0;
        int replaces = 0;
        for (PlannedStack stack : stacks) {
            if (stack.plan().errored()) {
                errored.add(where(stack));
            }
            for (ResourceChange change : stack.plan().changes()) {
                if (!change.action().isDeleteOrReplace()) {
                    continue;
                }
                if (change.action().isReplace()) {
                    replaces++;
                } else {
                    deletes++;
                }
                lines.add("> - **" + change.action().verb() + "** " + Md.code(change.address())
                        + deposed(change) + " in " + where(stack) + ": " + because(change) + "\n");
            }
        }
        if (lines.isEmpty() && errored.isEmpty()) {
            return;
        }
        StringBuilder head = new StringBuilder("> [!CAUTION]\n");
        for (String stack : errored) {
            head.append("> **Terraform reported errors while planning ").append(stack)
                    .append(": that plan is incomplete and must not be applied.**\n>\n");
        }
        if (!lines.isEmpty()) {
            head.append("> **").append(Md.plural(deletes + replaces, "resource", "resources"))
                    .append(" will be deleted or replaced:** ")
                    .append(deletes).append(" deleted, ").append(replaces).append(" replaced.\n>\n");
        }
        doc.text(head.toString());
        doc.group(Document.Tier.WARNING, "", lines, "", "warning lines", "> - _", "._\n");
        doc.text("\n");
    }

    private static String where(PlannedStack stack) {
        return where(stack.environment(), stack.stack());
    }

    private static String where(String environment, String stack) {
        return environment.isEmpty() ? Md.code(stack) : Md.code(environment) + " / " + Md.code(stack);
    }

    private static String deposed(ResourceChange change) {
        return change.deposed().map(key -> " (deposed object " + Md.code(key) + ")").orElse("");
    }

    /** Terraform's reason for a deletion or replacement, and the attributes that force a replacement. */
    private static String because(ResourceChange change) {
        List<String> parts = new ArrayList<>();
        if (change.action() == Action.DELETE_THEN_CREATE) {
            parts.add("deleted first, then created");
        } else if (change.action() == Action.CREATE_THEN_DELETE) {
            parts.add("created first, then the old one deleted");
        } else if (change.action() == Action.CREATE_THEN_FORGET) {
            parts.add("created; the old one is only removed from the state and keeps running");
        }
        parts.add(reason(change).orElse("no reason recorded in the plan (Terraform before 1.2 does not record one)"));
        String forcing = forcedBy(change);
        if (!forcing.isEmpty()) {
            parts.add("forced by " + forcing);
        }
        return String.join("; ", parts);
    }

    private static Optional<String> reason(ResourceChange change) {
        return change.actionReason().map(code -> REASONS.containsKey(code)
                ? REASONS.get(code) + " (" + Md.code(code) + ")" : Md.code(code));
    }

    private static String forcedBy(ResourceChange change) {
        return change.replacePaths().stream()
                .map(path -> AttributeDiff.visible(path, change.values()))
                .distinct()
                .map(path -> Md.code(path.isRoot() ? "(sensitive attribute)" : path.toString()))
                .collect(Collectors.joining(", "));
    }

    private void headline(String environment, List<PlannedStack> stacks) {
        Totals totals = Totals.none();
        List<String> unchanged = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int deferred = 0;
        for (PlannedStack stack : stacks) {
            totals = totals.plus(stack.plan().totals());
            deferred += stack.plan().deferred().size();
            if (stack.plan().hasChanges()) {
                changed.add(Md.code(stack.stack()));
            } else {
                unchanged.add(Md.code(stack.stack()));
            }
        }
        StringBuilder line = new StringBuilder("**").append(environment.isEmpty() ? "Plan" : Md.code(environment))
                .append("**: ");
        if (changed.isEmpty()) {
            line.append("no changes in ").append(Md.plural(stacks.size(), "stack", "stacks")).append('.');
        } else {
            line.append(changed.size()).append(" of ").append(Md.plural(stacks.size(), "stack changes", "stacks change"))
                    .append(" (").append(String.join(", ", changed)).append("): ").append(totalsText(totals, true));
            if (deferred > 0) {
                line.append(", ").append(deferred).append(" deferred");
            }
            line.append('.');
        }
        if (!unchanged.isEmpty()) {
            line.append("  \nNo changes: ").append(String.join(", ", unchanged)).append('.');
        }
        doc.text(line.append("\n\n").toString());
    }

    /** "7 to create, 0 to update, …": all headline columns, or only the non-zero ones. */
    private static String totalsText(Totals totals, boolean withZeros) {
        List<String> parts = new ArrayList<>();
        for (ChangeKind kind : ChangeKind.values()) {
            int n = totals.get(kind);
            boolean headlineColumn = kind != ChangeKind.FORGET;
            if (n > 0 || (withZeros && headlineColumn)) {
                parts.add(n + " " + kind.phrase());
            }
        }
        return String.join(", ", parts);
    }

    private void stackSection(PlannedStack stack) {
        Plan plan = stack.plan();
        Totals totals = plan.totals();
        doc.text("### " + where(stack) + (totals.isEmpty() ? "" : ": " + totalsText(totals, false)) + "\n\n");
        if (plan.errored()) {
            doc.text("Terraform reported errors while planning this stack; the changes below are incomplete.\n\n");
        }
        if (plan.sensitivityUnmarked()) {
            doc.text("_Terraform " + Md.html(plan.terraformVersion()) + " did not record which values are sensitive"
                    + " in this plan, so no attribute value is shown, only which attributes change._\n\n");
        }
        if (plan.outputChangesUnrecorded()) {
            doc.text("_Terraform " + Md.html(plan.terraformVersion()) + " did not record output changes in its"
                    + " plans (it reports every output as created), so they are not shown._\n\n");
        }
        List<ResourceChange> changes = plan.changes().stream().filter(ResourceChange::changes).toList();
        List<String> rows = changes.stream().map(change -> changeRow(change, plan.secrets())).toList();
        doc.group(Document.Tier.CHANGE_ROW, "| action | resource | notes |\n|---|---|---|\n", rows, "\n", "resource rows");
        List<String> details = new ArrayList<>();
        for (ResourceChange change : changes) {
            details(change, label(change), plan.secrets())
                    .map(text -> "<a name=\"" + anchor(stack.environment(), stack.stack(), change.address()) + "\"></a>\n\n"
                            + text)
                    .ifPresent(details::add);
        }
        doc.group(Document.Tier.DETAIL, "", details, "", "attribute diffs");
        outputs(plan);
        deferred(plan);
        drift(plan);
    }

    private static String changeRow(ResourceChange change, Secrets secrets) {
        List<String> notes = new ArrayList<>();
        change.previousAddress().filter(previous -> change.moved())
                .ifPresent(previous -> notes.add("moved from " + Md.cellCode(previous)));
        if (change.importing()) {
            notes.add(change.importId()
                    .map(id -> secrets.foundIn(id) ? "imported by a sensitive ID" : "imported by ID " + Md.cellCode(id))
                    .orElse("imported"));
        }
        change.deposed().ifPresent(key -> notes.add("deposed object " + Md.cellCode(key)));
        if (change.action().isDeleteOrReplace() || change.action() == Action.READ) {
            reason(change).ifPresent(reason -> notes.add(Md.cell(reason)));
        }
        String forcing = forcedBy(change);
        if (!forcing.isEmpty()) {
            notes.add("forced by " + Md.cell(forcing));
        }
        String symbol = change.action().symbol();
        return "| " + (symbol.isEmpty() ? "" : Md.cellCode(symbol) + " ") + label(change) + " | "
                + Md.cellCode(change.address()) + " | " + String.join("; ", notes) + " |\n";
    }

    /** "update", "replace + move", "import": the action and what else happens to the object. */
    private static String label(ResourceChange change) {
        List<String> parts = new ArrayList<>();
        if (change.action() != Action.NO_OP) {
            parts.add(change.action().verb());
        }
        if (change.importing()) {
            parts.add("import");
        }
        if (change.moved()) {
            parts.add("move");
        }
        return String.join(" + ", parts);
    }

    private Optional<String> details(ResourceChange change, String label, Secrets secrets) {
        List<AttributeDiff.Row> rows = AttributeDiff.rows(change.values(), change.replacePaths(), secrets);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String symbol = change.action().symbol();
        StringBuilder text = new StringBuilder("<details><summary>")
                .append(symbol.isEmpty() ? "" : "<code>" + Md.html(symbol) + "</code> ")
                .append(Md.html(label)).append(" <code>").append(Md.html(change.address())).append("</code>")
                .append(change.deposed().map(key -> " (deposed " + Md.html(key) + ")").orElse(""))
                .append(" · ").append(Md.plural(rows.size(), "attribute", "attributes"))
                .append("</summary>\n\n| attribute | before | after |\n|---|---|---|\n");
        for (AttributeDiff.Row row : rows) {
            text.append("| ").append(row.path().isRoot() ? "(whole object)" : Md.cellCode(row.path().toString()))
                    .append(row.forcesReplacement() ? " **forces replacement**" : "")
                    .append(" | ").append(cell(row.before()))
                    .append(" | ").append(cell(row.after())).append(" |\n");
        }
        return Optional.of(text.append("\n</details>\n\n").toString());
    }

    private String cell(Cell cell) {
        return switch (cell.kind()) {
            case ABSENT -> "—";
            case SENSITIVE -> "_(sensitive)_";
            case UNKNOWN -> "_(known after apply)_";
            case WITHHELD -> "_(not shown)_";
            case VALUE -> shortened(cell.text());
        };
    }

    private String shortened(String json) {
        int limit = options.maxValueChars();
        if (json.codePointCount(0, json.length()) <= limit) {
            return Md.cellCode(json);
        }
        int end = json.offsetByCodePoints(0, limit);
        int rest = json.codePointCount(end, json.length());
        return Md.cellCode(json.substring(0, end)) + "… (" + rest + " more characters)";
    }

    private void outputs(Plan plan) {
        List<String> rows = new ArrayList<>();
        for (OutputChange output : plan.outputs()) {
            if (output.action() == Action.NO_OP) {
                continue;
            }
            AttributeDiff.Row row = AttributeDiff.whole(output.values(), plan.secrets());
            rows.add("| " + Md.cellCode(output.name()) + " | " + Md.cellCode(output.action().symbol()) + " "
                    + output.action().verb() + " | " + cell(row.before()) + " | " + cell(row.after()) + " |\n");
        }
        if (!rows.isEmpty()) {
            doc.text("**Output changes**\n\n");
        }
        doc.group(Document.Tier.MINOR_ROW, "| output | action | before | after |\n|---|---|---|---|\n", rows, "\n",
                "output rows");
    }

    private void deferred(Plan plan) {
        List<String> rows = new ArrayList<>();
        for (DeferredChange deferred : plan.deferred()) {
            ResourceChange change = deferred.change();
            rows.add("| " + Md.cellCode(change.address()) + " | " + label(change) + " | " + Md.cellCode(deferred.reason())
                    + " |\n");
        }
        if (!rows.isEmpty()) {
            doc.text("**Deferred to a later plan** (not applied by this one)\n\n");
        }
        doc.group(Document.Tier.MINOR_ROW, "| resource | action | reason |\n|---|---|---|\n", rows, "\n",
                "deferred rows");
    }

    private void drift(Plan plan) {
        if (plan.drift().isEmpty()) {
            return;
        }
        doc.text("**Changed outside Terraform** since the last apply (found while refreshing)\n\n");
        List<String> rows = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (ResourceChange change : plan.drift()) {
            String what = switch (change.action()) {
                case UPDATE -> "changed";
                case DELETE -> "deleted";
                default -> label(change);
            };
            rows.add("| " + Md.cellCode(change.address()) + " | " + what + " |\n");
            details(change, "drift: " + what, plan.secrets()).ifPresent(details::add);
        }
        doc.group(Document.Tier.MINOR_ROW, "| resource | outside Terraform |\n|---|---|\n", rows, "\n", "drift rows");
        doc.group(Document.Tier.DETAIL, "", details, "", "drift diffs");
    }
}
