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
    static final Key<List<String>> TEST_LISTENER_CIDRS = Key.strings("loadBalancer.testListenerCidrs", List.of(),
            "IPv4 CIDR blocks with their host bits zero, public ones: none inside " + Cidr.PRIVATE_TEXT + " or `network.cidr`",
            "Who may reach the test listener besides the NAT gateways' public addresses, which it admits unlisted:"
                    + " requests from inside the VPC (a CI runner, a smoke-test Lambda, a bastion) reach the"
                    + " internet-facing load balancer through a NAT gateway and arrive from its address. List the public"
                    + " egress of testers outside the VPC (an office, a VPN). With `network.natGateways: none` nothing"
                    + " inside the VPC can reach it. Costs nothing; each block or NAT gateway is one security group rule.");
    static final Key<Boolean> DELETION_PROTECTION = Key.bool("loadBalancer.deletionProtection", false,
            "The load balancer's deletion protection.");
    static final Key<String> SSL_POLICY = Key.string("loadBalancer.sslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06",
            Format.SSL_POLICY, "TLS policy of the HTTPS listener.");
    static final Key<Integer> IDLE_TIMEOUT_SECONDS = Key.whole("loadBalancer.idleTimeoutSeconds", 60, 1, 4000,
            "The load balancer's idle timeout.");

    static final List<Key<?>> KEYS = List.of(CERTIFICATE_ARN, ALLOWED_CIDRS, TEST_LISTENER_PORT, TEST_LISTENER_CIDRS,
            DELETION_PROTECTION, SSL_POLICY, IDLE_TIMEOUT_SECONDS);

    private LoadBalancerSchema() {}

    /**
     * @param regionOk whether {@code aws.region} is the user's own, to compare the certificate's region with
     * @param vpc the VPC's block when {@code network.cidr} is the user's own and well formed, which test
     *     listener blocks may not be inside
     */
    static LoadBalancerConfig read(Section s, AwsConfig aws, boolean regionOk, Optional<Cidr> vpc) {
        Optional<String> certificate = s.optionalString(CERTIFICATE_ARN);
        // A load balancer can only use a certificate from its own region.
        certificate.filter(arn -> Format.CERTIFICATE_ARN.matches(arn) && regionOk && !aws.region().isEmpty())
                .map(arn -> arn.split(":")[3])
                .filter(region -> !region.equals(aws.region()))
                .ifPresent(region -> s.problem(CERTIFICATE_ARN, "\"" + certificate.get() + "\" is in " + region
                        + "; allowed: a certificate in aws.region (" + aws.region() + "), where the load balancer is"));
        List<String> allowed = cidrs(s, ALLOWED_CIDRS);
        int testPort = s.integer(TEST_LISTENER_PORT);
        List<String> testCidrs = s.strings(TEST_LISTENER_CIDRS);
        wellFormed(s, TEST_LISTENER_CIDRS, testCidrs);
        publicOnly(s, testCidrs, vpc);
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
        wellFormed(s, key, cidrs);
        return cidrs;
    }

    private static void wellFormed(Section s, Key<List<String>> key, List<String> cidrs) {
        for (int i = 0; i < cidrs.size(); i++) {
            String path = key.name() + "[" + i + "]";
            Cidr.problem(cidrs.get(i)).ifPresent(problem -> s.problem(path, problem));
        }
    }

    /**
     * The load balancer is internet-facing: its name resolves to public addresses, so a request
     * from a private address never arrives from that address. A block inside a private range or
     * inside the VPC can never match, and listing one was how a test listener was meant to be
     * opened to the VPC, which its NAT gateways' addresses now do.
     */
    private static void publicOnly(Section s, List<String> cidrs, Optional<Cidr> vpc) {
        for (int i = 0; i < cidrs.size(); i++) {
            String text = cidrs.get(i);
            Optional<Cidr> block = Cidr.parse(text);
            if (block.isEmpty()) {
                continue;
            }
            Optional<String> where = Cidr.PRIVATE.stream().filter(range -> range.contains(block.get())).findFirst()
                    .map(range -> "a private range (" + range + ")")
                    .or(() -> vpc.filter(own -> own.contains(block.get())).map(own -> "inside the VPC (network.cidr "
                            + own + ")"));
            int index = i;
            where.ifPresent(place -> s.problem(TEST_LISTENER_CIDRS.name() + "[" + index + "]", privateBlock(text, place)));
        }
    }

    /** Why a private block can never match, and what admits those clients instead. */
    static String privateBlock(String block, String place) {
        return "\"" + block + "\" is " + place + ", from which no request reaches the internet-facing load balancer:"
                + " clients in the VPC arrive from its NAT gateways' public addresses, which the test listener admits"
                + " without being listed; allowed: public blocks, such as an office's or a VPN's egress; remove this one";
    }
}
