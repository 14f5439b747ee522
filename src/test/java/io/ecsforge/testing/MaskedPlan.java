package io.ecsforge.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan JSON made against moto, with what moto makes up anew on every run replaced, so that the
 * plan can be kept as a review fixture and its summary compared with a golden file: resource ids
 * ({@code vpc-…}, {@code subnet-…}), the random part of load balancer, target group and listener
 * ARNs, UUIDs, IPv4 addresses (alone or as a /32) and the private DNS names made from them (not the configured blocks of other prefix lengths) and the plan's
 * timestamp. Each distinct value gets a placeholder numbered in order of first appearance
 * ({@code vpc-00000000000000001}), so equal values stay equal and different ones different.
 */
public final class MaskedPlan {
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"[^\"]*\"");
    private static final Pattern ID = Pattern.compile(
            "\\b(vpc|subnet|sg|sgr|rtb|rtbassoc|igw|nat|eipalloc|eipassoc|eni|fl|acl|vpce|pl)-[0-9a-f]{8,40}\\b");
    /** The random path segments of load balancer, listener and target group ARNs. */
    private static final Pattern ELB_ARN_SEGMENT = Pattern.compile("(?<=/)[0-9a-f]{16}(?=[\"/\\\\])");
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    /**
     * Addresses moto picks (Elastic IPs, network interfaces), also as the /32 block a rule admits one
     * of them by (a NAT gateway's, on the test listener); other blocks are configured and kept.
     */
    private static final Pattern ADDRESS = Pattern.compile("\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b(?!/(?!32\\b))");
    /** EC2's private DNS names, made from the address moto picks. */
    private static final Pattern PRIVATE_DNS = Pattern.compile("\\bip-\\d{1,3}-\\d{1,3}-\\d{1,3}-\\d{1,3}\\b");
    private static final Pattern ELB_DNS = Pattern.compile("\\b([A-Za-z0-9-]+)-(\\d{6,})\\.([a-z0-9-]+)\\.elb\\.amazonaws\\.com");

    private MaskedPlan() {}

    public static String mask(String planJson) {
        String text = TIMESTAMP.matcher(planJson).replaceAll("\"timestamp\":\"2000-01-01T00:00:00Z\"");
        text = number(text, ID, m -> m.group(1) + "-", 17);
        text = number(text, ELB_ARN_SEGMENT, m -> "", 16);
        text = number(text, UUID, m -> "00000000-0000-0000-0000-", 12);
        text = number(text, ELB_DNS, m -> m.group(1) + "-", 6);
        text = number(text, ADDRESS, m -> "192.0.2.", 1);
        text = number(text, PRIVATE_DNS, m -> "ip-192-0-2-", 1);
        return text;
    }

    /** Replaces each match by the prefix and a number, zero-padded to {@code width}, one per distinct match. */
    private static String number(String text, Pattern pattern, java.util.function.Function<Matcher, String> prefix,
            int width) {
        Map<String, String> seen = new LinkedHashMap<>();
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group();
            String replacement = seen.computeIfAbsent(value, v -> {
                String number = String.valueOf(seen.size() + 1);
                String padded = "0".repeat(Math.max(0, width - number.length())) + number;
                String suffix = value.endsWith(".elb.amazonaws.com")
                        ? "." + matcher.group(3) + ".elb.amazonaws.com" : "";
                return prefix.apply(matcher) + padded + suffix;
            });
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
