package io.ecsforge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and the docs link to each other by file and by heading: every relative link must
 * name a file that exists and, with {@code #anchor}, a heading of that file as GitHub makes its
 * anchors, or an {@code <a name>} in it (terraform-docs' tables in the modules' READMEs link to
 * theirs). Text in code (fenced blocks, `spans`) is not a link and not a heading.
 */
class DocLinksTest {
    private static final Pattern LINK = Pattern.compile("(?<!!)\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern NAMED_ANCHOR = Pattern.compile("<a name=\"([^\"]+)\"></a>");

    @Test
    void everyRelativeLinkAndAnchorInTheDocsResolves() throws IOException {
        Path root = Repo.root();
        List<Path> documents = documents(root);
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path document : documents) {
            for (String written : links(read(document))) {
                // Markdown's backslash escapes (terraform-docs writes #input\_app) are not part of the link.
                String target = written.replaceAll("\\\\(\\p{Punct})", "$1");
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue;
                }
                links++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                String where = root.relativize(document) + ": link " + target + ": ";
                if (!Files.exists(resolved)) {
                    broken.add(where + root.relativize(resolved) + " does not exist");
                } else if (hash >= 0 && !anchors(read(resolved)).contains(target.substring(hash + 1))) {
                    broken.add(where + "no heading in " + root.relativize(resolved) + " has the anchor #" + target.substring(hash + 1));
                }
            }
        }
        assertEquals(List.of(), broken, "broken links");
        assertTrue(documents.size() >= 12 && links >= 40, "only " + documents.size() + " documents and " + links + " links read");
    }

    @Test
    void anchorsFollowGitHubsSlugRules() {
        assertEquals(List.of("provider-versions-and-lock-files", "staging--network-2-to-update", "top-level", "top-level-1",
                        "loadbalancer", "access-iam-roles-and-github-oidc"),
                anchors("## Provider versions and lock files\n### `staging` / `network`: 2 to update\n## Top level\n"
                        + "## Top level\n## loadBalancer\n### Access: IAM roles and GitHub OIDC\n```\n## not a heading\n```\n"));
    }

    @Test
    void sampleCommentKeepsItsHeadingsInsideItsBlock() throws IOException {
        List<String> outline = headings(read(Repo.root().resolve("docs/pull-request-review.md")));
        assertTrue(outline.contains("Sample comment"), () -> "outline: " + outline);
        assertTrue(outline.stream().noneMatch(h -> h.startsWith("Terraform plan for") || h.contains("`staging` /")),
                () -> "the sample comment's own headings are in the document's outline: " + outline);
    }

    @Test
    void readmeStartsWithTheTwoCommandsCiAndUsersRunFirst() throws IOException {
        List<String> lines = read(Repo.root().resolve("README.md")).lines().toList();
        int block = lines.indexOf("```sh");
        assertTrue(block > 0, "no ```sh block in README.md");
        assertTrue(lines.get(block + 1).startsWith("./ecsforge synth --env dev "), lines.get(block + 1));
        assertTrue(lines.get(block + 2).startsWith("scripts/test "), lines.get(block + 2));
    }

    private static List<Path> documents(Path root) throws IOException {
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"));
                Stream<Path> examples = Files.walk(root.resolve("examples"));
                Stream<Path> modules = Files.walk(Repo.modules())) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
            examples.filter(p -> p.getFileName().toString().equals("README.md")).sorted().forEach(documents::add);
            modules.filter(p -> p.getFileName().toString().equals("README.md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** Link targets outside code. */
    static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        for (String line : prose(markdown)) {
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** The text of every heading outside fenced code, in order. */
    static List<String> headings(String markdown) {
        List<String> headings = new ArrayList<>();
        for (String line : prose(markdown)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                headings.add(m.group(1));
            }
        }
        return headings;
    }

    /** The anchors GitHub gives the headings: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
    static List<String> anchors(String markdown) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> anchors = new ArrayList<>();
        for (String heading : headings(markdown)) {
            String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
            String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        for (String line : prose(markdown)) {
            Matcher named = NAMED_ANCHOR.matcher(line);
            while (named.find()) {
                anchors.add(named.group(1));
            }
        }
        return anchors;
    }

    /** The lines outside fenced code blocks. */
    private static List<String> prose(String markdown) {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : markdown.lines().toList()) {
            String stripped = line.strip();
            Matcher open = Pattern.compile("^(`{3,}|~{3,})").matcher(stripped);
            if (fence == null && open.find()) {
                fence = open.group(1);
            } else if (fence != null && stripped.startsWith(fence) && stripped.replace(fence.substring(0, 1), "").isEmpty()) {
                fence = null;
            } else if (fence == null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
