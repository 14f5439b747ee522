package io.ecsforge.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code loadBalancer} section: the Application Load Balancer. */
final class LoadBalancerSchema {
    private static final String CIDR_BLOCKS = "at least one IPv4 CIDR block with its host bits zero";

    static final Key<String> CERTIFICATE_ARN = Key.string("loadBalancer.certificateArn", null, Format.CERTIFICATE_ARN,
            "When set, HTTPS on 443 and HTTP on 80 redirected to it.").defaultText("none: plain HTTP on port 80")
            .note("`arn:aws:acm:<region>:<account>:certificate/<id>`, in `aws.region`");
    static final Key<List<String>> ALLOWED_CIDRS = Key.strings("loadBalancer.allowedCidrs", List.of("0.0.0.0/0"), CIDR_BLOCKS,
            "Who may reach the production listener(s).");
    static final Key<Integer> TEST_LISTENER_PORT = Key.whole("loadBalancer.testListenerPort", 8443, 1, 65535,
            "The listener CodeDeploy uses to test a new version before it takes traffic.")
            .note("not a production port: not 80, and not 443 when `certificateArn` is set");
    static final Key<List<String>> TEST_LISTENER_CIDRS = Key.strings("loadBalancer.testListenerCidrs", List.of("10.0.0.0/8"),
            CIDR_BLOCKS, "Who may reach the test listener.");
    static final Key<Boolean> DELETION_PROTECTION = Key.bool("loadBalancer.deletionProtection", false,
            "The load balancer's deletion protection.");
    static final Key<String> SSL_POLICY = Key.string("loadBalancer.sslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06",
            Format.SSL_POLICY, "TLS policy of the HTTPS listener.");
    static final Key<Integer> IDLE_TIMEOUT_SECONDS = Key.whole("loadBalancer.idleTimeoutSeconds", 60, 1, 4000,
            "The load balancer's idle timeout.");

    static final List<Key<?>> KEYS = List.of(CERTIFICATE_ARN, ALLOWED_CIDRS, TEST_LISTENER_PORT, TEST_LISTENER_CIDRS,
            DELETION_PROTECTION, SSL_POLICY, IDLE_TIMEOUT_SECONDS);

    private LoadBalancerSchema() {}

    /** @param regionOk whether {@code aws.region} is the user's own, to compare the certificate's region with */
    static LoadBalancerConfig read(Section s, AwsConfig aws, boolean regionOk) {
        Optional<String> certificate = s.optionalString(CERTIFICATE_ARN);
        // A load balancer can only use a certificate from its own region.
        certificate.filter(arn -> Format.CERTIFICATE_ARN.matches(arn) && regionOk && !aws.region().isEmpty())
                .map(arn -> arn.split(":")[3])
                .filter(region -> !region.equals(aws.region()))
                .ifPresent(region -> s.problem(CERTIFICATE_ARN, "\"" + certificate.get() + "\" is in " + region
                        + "; allowed: a certificate in aws.region (" + aws.region() + "), where the load balancer is"));
        List<String> allowed = cidrs(s, ALLOWED_CIDRS);
        int testPort = s.integer(TEST_LISTENER_PORT);
        List<String> testCidrs = cidrs(s, TEST_LISTENER_CIDRS);
        boolean deletionProtection = s.bool(DELETION_PROTECTION);
        String sslPolicy = s.unchecked(SSL_POLICY, SSL_POLICY.defaultValue());
        if (!Format.SSL_POLICY.matches(sslPolicy)) {
            s.problem(SSL_POLICY, "\"" + sslPolicy + "\" allows TLS versions older than 1.2 or non-forward-secret ciphers;"
                    + " allowed: " + Format.SSL_POLICY.allowed());
        }
        int idle = s.integer(IDLE_TIMEOUT_SECONDS);
        s.rejectUnknownKeys();
        LoadBalancerConfig config = new LoadBalancerConfig(certificate, allowed, testPort, testCidrs, deletionProtection,
                sslPolicy, idle);
        if (s.ok(TEST_LISTENER_PORT) && config.productionPorts().contains(testPort)) {
            s.problem(TEST_LISTENER_PORT, testPort + " is a production listener port; allowed: any port but "
                    + config.productionPorts().stream().map(String::valueOf).collect(Collectors.joining(" and ")));
        }
        return config;
    }

    private static List<String> cidrs(Section s, Key<List<String>> key) {
        List<String> cidrs = s.strings(key);
        if (cidrs.isEmpty()) {
            s.problem(key, "is empty; list at least one CIDR block, e.g. [0.0.0.0/0]");
        }
        for (int i = 0; i < cidrs.size(); i++) {
            String path = key.name() + "[" + i + "]";
            Cidr.problem(cidrs.get(i)).ifPresent(problem -> s.problem(path, problem));
        }
        return cidrs;
    }
}
