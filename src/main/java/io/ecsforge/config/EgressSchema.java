package io.ecsforge.config;

import io.ecsforge.config.ServiceConfig.Destination;
import io.ecsforge.config.ServiceConfig.EgressRule;
import io.ecsforge.config.ServiceConfig.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of {@code service.egress}, each one egress rule of the tasks' security group. */
final class EgressSchema {
    /** The rule every service has, which a configured rule may not repeat (EC2 refuses a duplicate). */
    static final int HTTPS_PORT = 443;
    static final String ANYWHERE = "0.0.0.0/0";

    static final Key<Void> SECTION = Key.mappings("service.egress", "none: the tasks reach HTTPS (TCP 443) only",
            "each with `port` and exactly one of `cidr`, `prefixListId`, `securityGroupId`; no two rules alike",
            "More that the tasks may reach, such as a database, beside HTTPS anywhere.")
            .typed("list of `{port, toPort, protocol, cidr, prefixListId, securityGroupId, description}`");
    static final Key<Integer> PORT = Key.whole("service.egress[].port", 0, 1, 65535, "The port, or the first of a range.")
            .defaultText("required");
    static final Key<Integer> TO_PORT = Key.whole("service.egress[].toPort", 0, 1, 65535, "The last port of a range.")
            .defaultText("the `port`").note("not below `port`; a range to `0.0.0.0/0` is refused: name the ports, or narrow the CIDR");
    static final Key<Protocol> PROTOCOL = Key.choice("service.egress[].protocol", Protocol.TCP, "The protocol.");
    static final Key<String> CIDR = Key.string("service.egress[].cidr", null, null, "An IPv4 CIDR block the rule allows.")
            .note("a.b.c.d/n, its network address");
    static final Key<String> PREFIX_LIST_ID = Key.string("service.egress[].prefixListId", null, Format.PREFIX_LIST_ID,
            "A managed prefix list the rule allows.");
    static final Key<String> SECURITY_GROUP_ID = Key.string("service.egress[].securityGroupId", null, Format.SECURITY_GROUP_ID,
            "A security group whose members the rule allows.");
    static final Key<String> DESCRIPTION = Key.string("service.egress[].description", null, Format.RULE_DESCRIPTION,
            "What the rule is for; the rule's description is the environment's name and this.");

    static final List<Key<?>> KEYS = List.of(PORT, TO_PORT, PROTOCOL, CIDR, PREFIX_LIST_ID, SECURITY_GROUP_ID, DESCRIPTION);

    private static final Map<Destination, Key<String>> DESTINATIONS = Map.of(
            Destination.CIDR, CIDR, Destination.PREFIX_LIST_ID, PREFIX_LIST_ID, Destination.SECURITY_GROUP_ID, SECURITY_GROUP_ID);

    private EgressSchema() {}

    /** The rules, each checked, and none the same as another or as the HTTPS rule every service has. */
    static List<EgressRule> read(Section s) {
        List<Optional<EgressRule>> rules = s.sections(SECTION, EgressSchema::rule);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).isEmpty()) {
                continue;
            }
            EgressRule rule = rules.get(i).get();
            String path = SECTION.name() + "[" + i + "]";
            Integer first = seen.putIfAbsent(rule.key(), i);
            if (first != null) {
                s.problem(path, "is the same rule as " + SECTION.path() + "[" + first + "] (" + shown(rule)
                        + "); allowed: each rule once");
            } else if (rule.protocol() == Protocol.TCP && rule.port() == HTTPS_PORT && rule.toPort() == HTTPS_PORT
                    && rule.target().equals(ANYWHERE)) {
                s.problem(path, "is the HTTPS rule every service has (" + shown(rule) + "); allowed: other rules only,"
                        + " leave this one out");
            }
        }
        return rules.stream().flatMap(Optional::stream).toList();
    }

    private static String shown(EgressRule rule) {
        return rule.protocol().yamlName() + " " + rule.port() + (rule.toPort() == rule.port() ? "" : "-" + rule.toPort())
                + " to " + rule.target();
    }

    /** One rule; empty when it has a problem, which is reported. */
    private static Optional<EgressRule> rule(Section s) {
        boolean ok = true;
        if (!s.has(PORT)) {
            s.problem(PORT, "is required; allowed: " + PORT.allowed());
            ok = false;
        }
        int port = s.integer(PORT);
        ok &= s.ok(PORT);
        // Read whether given or not, so that an unknown key's message lists the keys in their order.
        int givenToPort = s.integer(TO_PORT);
        int toPort = s.has(TO_PORT) ? givenToPort : port;
        if (s.has(TO_PORT) && s.ok(TO_PORT, PORT) && toPort < port) {
            s.problem(TO_PORT, toPort + " is below port " + port + "; allowed: " + port + " to 65535");
            ok = false;
        }
        ok &= s.ok(TO_PORT);
        Protocol protocol = s.choice(PROTOCOL);
        ok &= s.ok(PROTOCOL);
        List<Destination> given = new ArrayList<>();
        String target = null;
        for (Destination destination : Destination.values()) {
            Key<String> key = DESTINATIONS.get(destination);
            Optional<String> value = s.optionalString(key);
            if (value.isPresent()) {
                given.add(destination);
                target = value.get();
            }
        }
        String description = s.optionalString(DESCRIPTION).orElse("");
        String choices = CIDR.name() + ", " + PREFIX_LIST_ID.name() + " or " + SECURITY_GROUP_ID.name();
        if (given.isEmpty()) {
            s.problemHere("has no destination; allowed: exactly one of " + choices);
            return Optional.empty();
        }
        if (given.size() > 1) {
            s.problemHere("has " + given.size() + " destinations (" + String.join(", ",
                    given.stream().map(Destination::key).toList()) + "); allowed: exactly one of " + choices
                    + ", a rule each");
            return Optional.empty();
        }
        Destination destination = given.get(0);
        if (destination == Destination.CIDR) {
            Optional<String> problem = Cidr.problem(target);
            if (problem.isPresent()) {
                s.problem(CIDR, problem.get());
                ok = false;
            } else if (target.equals(ANYWHERE) && toPort != port) {
                s.problem(TO_PORT, "opens ports " + port + " to " + toPort + " to " + ANYWHERE + "; allowed: one port to "
                        + ANYWHERE + ", or a range to a narrower CIDR block");
                ok = false;
            }
        }
        ok &= s.ok(DESCRIPTION) && s.ok(DESTINATIONS.get(destination));
        return ok ? Optional.of(new EgressRule(port, toPort, protocol, destination, target, description)) : Optional.empty();
    }
}
