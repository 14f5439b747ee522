package io.ecsforge.review.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A load balancer that becomes internet-facing ({@code internal} false, or a new one that is),
 * and a listener that stops using TLS (HTTPS → HTTP, TLS → TCP).
 */
final class LoadBalancerRule implements Rule {
    private static final Set<String> BALANCERS = Set.of("aws_lb", "aws_alb");
    private static final Set<String> LISTENERS = Set.of("aws_lb_listener", "aws_alb_listener");
    private static final Set<String> ENCRYPTED = Set.of("HTTPS", "TLS");

    @Override
    public String name() {
        return "load-balancer-exposure";
    }

    @Override
    public List<Finding> check(ResourceView change, StackView stack) {
        List<Finding> findings = new ArrayList<>();
        if (BALANCERS.contains(change.type()) && change.existsAfter()
                && change.after("internal").isBoolean() && !change.after("internal").booleanValue()
                && !(change.before("internal").isBoolean() && !change.before("internal").booleanValue())) {
            findings.add(new Finding(Category.NETWORK_EXPOSURE, change.existedBefore()
                    ? "becomes internet-facing (`internal` false)" : "is a new internet-facing load balancer"));
        }
        if (LISTENERS.contains(change.type()) && change.existedBefore() && change.existsAfter()) {
            String before = change.before("protocol").asText("");
            String after = change.after("protocol").asText("");
            if (ENCRYPTED.contains(before) && !after.isEmpty() && !ENCRYPTED.contains(after)) {
                findings.add(new Finding(Category.NETWORK_EXPOSURE, "listener on port "
                        + change.after("port").asText() + " stops using TLS: " + change.code(before) + " → "
                        + change.code(after)));
            }
        }
        return findings;
    }
}
