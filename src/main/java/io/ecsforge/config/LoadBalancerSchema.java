package io.ecsforge.config;

import io.ecsforge.config.LoadBalancerConfig.AccessLogs;
import io.ecsforge.config.LoadBalancerConfig.Waf;
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

    static final Key<Void> ACCESS_LOGS = Key.mapping("loadBalancer.accessLogs", "The load balancer's access logs.")
            .defaultText("none: no access logs");
    static final Key<String> ACCESS_LOGS_BUCKET = Key.string("loadBalancer.accessLogs.bucket", null, Format.BUCKET,
            "Turns on the load balancer's access logs, one line a request, which Elastic Load Balancing writes to this S3"
                    + " bucket every 5 minutes. The bucket is your own and is not made here: in `aws.region`, encrypted"
                    + " with SSE-S3 (the only encryption ELB writes with), and with a bucket policy that lets Elastic Load"
                    + " Balancing write: to the region's Elastic Load Balancing account in regions opened before August"
                    + " 2022, to the service principal `logdelivery.elasticloadbalancing.amazonaws.com` in newer ones; see"
                    + " [Load balancer access logs](security.md#load-balancer-access-logs). Costs S3 storage and requests"
                    + " only: ELB charges nothing for writing them.").defaultText("none: no access logs").note(StateSchema.BUCKET_NAME_RULES);
    static final Key<String> ACCESS_LOGS_PREFIX = Key.string("loadBalancer.accessLogs.prefix", null, Format.LOG_PREFIX,
            "Where in the bucket the access logs go: under `<prefix>/AWSLogs/<account>/elasticloadbalancing/<region>/`.")
            .defaultText("none: `AWSLogs/...` at the top of the bucket").note("needs `bucket`");
    static final Key<Waf> WAF = Key.choice("loadBalancer.waf", Waf.NONE,
            "`managed`: ecsforge makes a regional AWS WAF web ACL named `<app>-<env>` and associates it with the load"
                    + " balancer: AWS's managed rule groups Core rule set, Known bad inputs, Amazon IP reputation list and"
                    + " Anonymous IP list block what they match, but the hosting-provider addresses of the last, which are"
                    + " only counted, since the environment's own NAT gateways, CI runners and health checkers come from"
                    + " hosting providers. Requests it blocks or counts are logged to the log group"
                    + " `aws-waf-logs-<app>-<env>` (`service.logRetentionDays`, under `service.logKmsKey`), without their"
                    + " `authorization` and `cookie` headers. Costs about 5 USD a month for the web ACL, 1 USD a month"
                    + " for each of the 4 rule groups and 0.60 USD per million requests, plus the logs' ingestion and"
                    + " storage; see [Web application firewall](security.md#web-application-firewall). `none`: no web"
                    + " ACL of ecsforge's; `wafWebAclArn` may name your own.")
            .note("not with `wafWebAclArn`");
    static final Key<String> WAF_WEB_ACL_ARN = Key.string("loadBalancer.wafWebAclArn", null, Format.WEB_ACL_ARN,
            "A regional AWS WAF web ACL of your own that filters every request to the load balancer (an"
                    + " `aws_wafv2_web_acl_association`). The web ACL is not made here. WAF costs per web ACL and per rule"
                    + " a month, and per million requests inspected; see [Web application"
                    + " firewall](security.md#web-application-firewall).")
            .defaultText("none: no web ACL").note("in `aws.region`, and of `aws.accountId` when that is set; not with"
                    + " `waf: managed`");

    static final List<Key<?>> KEYS = List.of(CERTIFICATE_ARN, ALLOWED_CIDRS, TEST_LISTENER_PORT, TEST_LISTENER_CIDRS,
            DELETION_PROTECTION, SSL_POLICY, IDLE_TIMEOUT_SECONDS, ACCESS_LOGS, WAF, WAF_WEB_ACL_ARN);
    /** The keys of {@link #ACCESS_LOGS}. */
    static final List<Key<?>> ACCESS_LOG_KEYS = List.of(ACCESS_LOGS_BUCKET, ACCESS_LOGS_PREFIX);

    private LoadBalancerSchema() {}

    /**
     * @param regionOk whether {@code aws.region} is the user's own, to compare the certificate's and web ACL's region with
     * @param accountOk whether {@code aws.accountId} is the user's own (or absent), to compare the web ACL's account with
     * @param vpc the VPC's block when {@code network.cidr} is the user's own and well formed, which test
     *     listener blocks may not be inside
     */
    static LoadBalancerConfig read(Section s, AwsConfig aws, boolean regionOk, boolean accountOk, Optional<Cidr> vpc) {
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
        Optional<AccessLogs> accessLogs = accessLogs(s);
        Waf waf = s.choice(WAF);
        Optional<String> webAcl = s.optionalString(WAF_WEB_ACL_ARN);
        webAcl.filter(arn -> s.ok(WAF_WEB_ACL_ARN)).ifPresent(arn -> webAclInOwnRegionAndAccount(s, arn, aws, regionOk, accountOk));
        // A load balancer takes one web ACL: ecsforge's would replace the team's, or the reverse, on every apply.
        if (waf == Waf.MANAGED && webAcl.isPresent() && s.ok(WAF)) {
            s.problem(WAF_WEB_ACL_ARN, "\"" + webAcl.get() + "\" is set but " + WAF.path() + " is managed, which makes"
                    + " ecsforge's own web ACL; allowed: one web ACL, waf: managed without wafWebAclArn, or wafWebAclArn"
                    + " with waf: none");
        }
        s.rejectUnknownKeys();
        LoadBalancerConfig config = new LoadBalancerConfig(certificate, allowed, testPort, testCidrs, deletionProtection,
                sslPolicy, idle, accessLogs, webAcl, waf);
        if (s.ok(TEST_LISTENER_PORT) && config.productionPorts().contains(testPort)) {
            s.problem(TEST_LISTENER_PORT, testPort + " is a production listener port; allowed: any port but "
                    + config.productionPorts().stream().map(String::valueOf).collect(Collectors.joining(" and ")));
        }
        return config;
    }

    /** Empty when the file has no {@code accessLogs}; the bucket is required within it. */
    private static Optional<AccessLogs> accessLogs(Section parent) {
        if (!parent.has(ACCESS_LOGS)) {
            parent.section(ACCESS_LOGS);
            return Optional.empty();
        }
        Section s = parent.section(ACCESS_LOGS);
        String bucket = s.unchecked(ACCESS_LOGS_BUCKET, "");
        if (bucket.isEmpty() && s.ok(ACCESS_LOGS_BUCKET)) {
            s.problem(ACCESS_LOGS_BUCKET, "is required with " + ACCESS_LOGS.path() + "; name an S3 bucket of yours in"
                    + " aws.region that Elastic Load Balancing may write to, or leave out " + ACCESS_LOGS.path());
        } else if (!bucket.isEmpty()) {
            StateSchema.checkBucketName(s, ACCESS_LOGS_BUCKET, bucket);
        }
        Optional<String> prefix = s.optionalString(ACCESS_LOGS_PREFIX);
        s.rejectUnknownKeys();
        return Optional.of(new AccessLogs(bucket, prefix));
    }

    /**
     * A load balancer can be associated with a web ACL of its own region and account only (WAF
     * has no cross-region or cross-account association).
     */
    private static void webAclInOwnRegionAndAccount(Section s, String arn, AwsConfig aws, boolean regionOk, boolean accountOk) {
        String[] parts = arn.split(":");
        if (regionOk && !aws.region().isEmpty() && !parts[3].equals(aws.region())) {
            s.problem(WAF_WEB_ACL_ARN, "\"" + arn + "\" is in " + parts[3] + "; allowed: a web ACL in aws.region ("
                    + aws.region() + "), where the load balancer is");
        }
        if (accountOk && aws.accountId().isPresent() && !parts[4].equals(aws.accountId().get())) {
            s.problem(WAF_WEB_ACL_ARN, "\"" + arn + "\" is of account " + parts[4] + "; allowed: a web ACL of aws.accountId ("
                    + aws.accountId().get() + "), the load balancer's account");
        }
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
