package io.ecsforge.review.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Security group ingress opened to the whole internet ({@code 0.0.0.0/0}, {@code ::/0}), or an
 * ingress port range widened: in a group's inline {@code ingress} blocks, an
 * {@code aws_security_group_rule} of type ingress, or an {@code aws_vpc_security_group_ingress_rule}.
 */
final class IngressRule implements Rule {
    static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");

    /** One way in: protocol, ports and where from. */
    private record Opening(String protocol, long from, long to, String source) {
        String ports() {
            if (protocol.equals("-1") || protocol.equalsIgnoreCase("all")) {
                return "all ports";
            }
            return (from == to ? "port " + from : "ports " + from + "–" + to) + " (" + protocol + ")";
        }

        long width() {
            return protocol.equals("-1") || protocol.equalsIgnoreCase("all") ? 65_536 : to - from + 1;
        }
    }

    @Override
    public String name() {
        return "ingress";
    }

    @Override
    public List<Finding> check(ResourceView change, StackView stack) {
        Set<Opening> before = new LinkedHashSet<>();
        Set<Opening> after = new LinkedHashSet<>();
        switch (change.type()) {
            case "aws_security_group" -> {
                change.before("ingress").forEach(block -> blocks(block, before));
                change.after("ingress").forEach(block -> blocks(block, after));
            }
            case "aws_security_group_rule" -> {
                if ("ingress".equals(change.before("type").asText())) {
                    blocks(change.before(), before);
                }
                if ("ingress".equals(change.after("type").asText())) {
                    blocks(change.after(), after);
                }
            }
            case "aws_vpc_security_group_ingress_rule" -> {
                rule(change.before(), before);
                rule(change.after(), after);
            }
            default -> {
                return List.of();
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Opening opening : after) {
            if (before.contains(opening)) {
                continue;
            }
            if (WORLD.contains(opening.source())) {
                findings.add(new Finding(Category.NETWORK_EXPOSURE, "opens " + opening.ports() + " to "
                        + change.code(opening.source()) + " (new)"));
                continue;
            }
            before.stream()
                    .filter(old -> old.source().equals(opening.source()) && old.protocol().equals(opening.protocol())
                            && old.width() < opening.width())
                    .findFirst()
                    .ifPresent(old -> findings.add(new Finding(Category.NETWORK_EXPOSURE, "widens ingress from "
                            + change.code(opening.source()) + " from " + old.ports() + " to " + opening.ports())));
        }
        return findings;
    }

    private static void blocks(JsonNode block, Set<Opening> into) {
        for (String field : List.of("cidr_blocks", "ipv6_cidr_blocks")) {
            block.path(field).forEach(cidr -> into.add(opening(block, cidr.asText())));
        }
    }

    private static void rule(JsonNode rule, Set<Opening> into) {
        for (String field : List.of("cidr_ipv4", "cidr_ipv6", "referenced_security_group_id", "prefix_list_id")) {
            if (rule.path(field).isTextual()) {
                into.add(opening(rule, rule.path(field).asText()));
            }
        }
    }

    private static Opening opening(JsonNode rule, String source) {
        String protocol = rule.has("ip_protocol") ? rule.path("ip_protocol").asText() : rule.path("protocol").asText();
        return new Opening(protocol, rule.path("from_port").asLong(), rule.path("to_port").asLong(), source);
    }
}
