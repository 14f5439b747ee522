package io.ecsforge.stacks;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb.LbAccessLogs;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionRedirect;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl_association.Wafv2WebAclAssociation;
import io.ecsforge.stacks.Shapes.OptionalBlock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * An internet-facing Application Load Balancer for CodeDeploy blue/green releases: its security
 * group, a blue and a green target group, a production and a test listener that both start on
 * blue, and with a certificate a listener that redirects HTTP to HTTPS; when asked, its access logs
 * and its association with a WAF web ACL. Made in the scope it is given, so its construct ids are
 * the stack's own.
 */
public final class BlueGreenLoadBalancer {
    /** Seconds a target keeps serving requests in flight after it leaves a target group. */
    static final int DEREGISTRATION_DELAY_SECONDS = 60;
    /** Response codes that count as healthy: a redirect still means the application answers. */
    static final String HEALTHY_CODES = "200-399";
    /** Health check interval: a new version becomes healthy, and a bad one is noticed, within a minute. */
    static final int HEALTH_CHECK_INTERVAL_SECONDS = 15;
    static final int HEALTHY_THRESHOLD = 2;
    static final int UNHEALTHY_THRESHOLD = 3;

    /** The port of the production listener without a certificate, and of the redirect with one. */
    static final int HTTP_PORT = 80;
    /** The port of the production listener with a certificate. */
    static final int HTTPS_PORT = 443;

    /**
     * What the load balancer is made of.
     *
     * @param names the names of the load balancer, its security group and target groups
     * @param settings listener ports, allowed blocks, certificate and the balancer's own settings
     * @param vpcId the VPC of the security group and target groups
     * @param subnetIds the public subnets it listens in, one a zone
     * @param targetPort the port targets listen on; health checks go there too
     * @param healthCheckPath the path health checks ask for
     * @param shapes how rules a block and the HTTPS-only listener are made
     * @param webAclArn the web ACL associated with the load balancer: the team's, or ecsforge's
     *     {@link ManagedWebAcl}; read only when {@code settings} has one
     */
    public record Props(ServiceNames names, ServiceSettings.LoadBalancer settings, String vpcId, List<String> subnetIds,
            Setting<Number> targetPort, Setting<String> healthCheckPath, Shapes shapes, Setting<String> webAclArn) {}

    private final Construct scope;
    private final Props props;
    private final SecurityGroup securityGroup;
    private final Lb loadBalancer;
    private final LbTargetGroup blue;
    private final LbTargetGroup green;
    private final LbListener productionListener;
    private final LbListener testListener;

    public BlueGreenLoadBalancer(Construct scope, Props props) {
        this.scope = scope;
        this.props = props;
        ServiceSettings.LoadBalancer settings = props.settings();
        Setting<Boolean> https = settings.https();
        securityGroup = SecurityGroup.Builder.create(scope, "alb_security_group")
                .name(props.names().loadBalancerSecurityGroup())
                .description("Load balancer of " + props.names().prefix() + ": listener ports in, the container port out")
                .vpcId(props.vpcId())
                .build();
        // With a certificate production arrives on 443 and on 80, which redirects to it.
        allowIn(Setting.of(HTTPS_PORT, https.label()), Setting.either(https, settings.allowedCidrs(),
                Setting.of(List.of(), https.label())), "production");
        allowIn(Setting.of(HTTP_PORT, https.label()), settings.allowedCidrs(), "production");
        allowIn(settings.testListenerPort(), settings.testListenerCidrs(), "test");
        allowInFromNat(settings.testListenerPort(), settings.natPublicIps());
        Lb.Builder alb = Lb.Builder.create(scope, "alb")
                .name(props.names().loadBalancer())
                .loadBalancerType("application")
                .internal(false)
                .subnets(props.subnetIds())
                .securityGroups(List.of(securityGroup.getId()))
                .dropInvalidHeaderFields(true)
                .idleTimeout(settings.idleTimeoutSeconds().value());
        Setting.flag(settings.deletionProtection(), alb::enableDeletionProtection, alb::enableDeletionProtection);
        loadBalancer = props.shapes().withBlocks(alb::build, List.of(accessLogs(alb)));
        // One association for the team's web ACL and ecsforge's, so that switching between them changes it in place.
        props.shapes().optional(settings.webAcl(), () -> Wafv2WebAclAssociation.Builder.create(scope, "alb_web_acl")
                .resourceArn(loadBalancer.getArn())
                .webAclArn(props.webAclArn().value())
                .build());
        blue = targetGroup(EnvironmentNames.BLUE);
        green = targetGroup(EnvironmentNames.GREEN);
        Setting<Number> productionPort = Setting.either(https, Setting.of(HTTPS_PORT, https.label()),
                Setting.of(HTTP_PORT, https.label()));
        productionListener = listener("production_listener", productionPort);
        testListener = listener("test_listener", settings.testListenerPort());
        props.shapes().optional(https, this::redirectHttpToHttps);
    }

    /**
     * The access logs, when asked for: ELB writes them to the team's bucket, which is not made here,
     * since ELB writes only to SSE-S3 buckets and a bucket of ecsforge's would need its own logging and keys.
     */
    private OptionalBlock accessLogs(Lb.Builder alb) {
        ServiceSettings.LoadBalancer settings = props.settings();
        Setting<String> prefix = settings.accessLogsPrefix();
        Map<String, Setting<?>> content = new LinkedHashMap<>();
        content.put("enabled", Setting.of(true, settings.accessLogs().label()));
        content.put("bucket", settings.accessLogsBucket());
        content.put("prefix", prefix);
        return new OptionalBlock(settings.accessLogs(), () -> {
            LbAccessLogs.Builder logs = LbAccessLogs.builder().enabled(true).bucket(settings.accessLogsBucket().value());
            if (!prefix.literal().isEmpty()) {
                logs.prefix(prefix.literal());
            }
            alb.accessLogs(logs.build());
        }, "access_logs", content);
    }

    /** Lets the load balancer send requests and health checks to {@code targets} on the target port. */
    public void connectTo(SecurityGroup targets) {
        VpcSecurityGroupEgressRule.Builder.create(scope, "alb_egress_to_service")
                .securityGroupId(securityGroup.getId())
                .description("requests and health checks to the tasks")
                .ipProtocol("tcp")
                .fromPort(props.targetPort().value())
                .toPort(props.targetPort().value())
                .referencedSecurityGroupId(targets.getId())
                .build();
        VpcSecurityGroupIngressRule.Builder.create(scope, "service_ingress_from_alb")
                .securityGroupId(targets.getId())
                .description("requests and health checks from the load balancer")
                .ipProtocol("tcp")
                .fromPort(props.targetPort().value())
                .toPort(props.targetPort().value())
                .referencedSecurityGroupId(securityGroup.getId())
                .build();
    }

    public Lb loadBalancer() {
        return loadBalancer;
    }

    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    /** The target group serving production before the first release. */
    public LbTargetGroup blue() {
        return blue;
    }

    public LbTargetGroup green() {
        return green;
    }

    public LbListener productionListener() {
        return productionListener;
    }

    public LbListener testListener() {
        return testListener;
    }

    /**
     * One rule per CIDR, named after its port and block so that adding or removing a block
     * leaves the other rules alone. A module's rules on the test listener, whose port is a
     * variable, are named after the listener instead.
     */
    private void allowIn(Setting<Number> port, Setting<List<String>> cidrs, String listener) {
        String id = "alb_ingress_" + (port.isLiteral() ? port.text() : listener);
        props.shapes().each(id, cidrs, cidr -> VpcSecurityGroupIngressRule.Builder.create(scope, cidr.id())
                .securityGroupId(securityGroup.getId())
                .description("the " + listener + " listener on " + port.text())
                .ipProtocol("tcp")
                .fromPort(port.value())
                .toPort(port.value())
                .cidrIpv4(cidr.key().value())
                .build());
    }

    /**
     * One rule per NAT gateway on the test listener, for what tests it from inside the VPC: the
     * load balancer's name resolves to public addresses, so those requests leave through a NAT
     * gateway and arrive from its address. Named after the gateway's index, not its address,
     * which is known only once it is made, nor the port, so that a stack's rule and a module's
     * are the same instance.
     */
    private void allowInFromNat(Setting<Number> port, Setting<List<String>> addresses) {
        props.shapes().repeat("alb_ingress_test_nat", Setting.size(addresses), nat -> VpcSecurityGroupIngressRule.Builder
                .create(scope, nat.id())
                .securityGroupId(securityGroup.getId())
                .description("the test listener on " + port.text() + " from NAT gateway " + nat.index().text())
                .ipProtocol("tcp")
                .fromPort(port.value())
                .toPort(port.value())
                .cidrIpv4(Setting.element(addresses, nat.index()).value() + "/32")
                .build());
    }

    private LbTargetGroup targetGroup(String role) {
        return LbTargetGroup.Builder.create(scope, role)
                .name(props.names().targetGroup(role))
                .targetType("ip")
                .protocol("HTTP")
                .port(props.targetPort().value())
                .vpcId(props.vpcId())
                .deregistrationDelay(String.valueOf(DEREGISTRATION_DELAY_SECONDS))
                .healthCheck(LbTargetGroupHealthCheck.builder()
                        .enabled(true)
                        .protocol("HTTP")
                        .port("traffic-port")
                        .path(props.healthCheckPath().value())
                        .matcher(HEALTHY_CODES)
                        .interval(HEALTH_CHECK_INTERVAL_SECONDS)
                        .healthyThreshold(HEALTHY_THRESHOLD)
                        .unhealthyThreshold(UNHEALTHY_THRESHOLD)
                        .build())
                .build();
    }

    /**
     * A listener forwarding to blue. CodeDeploy points it at the other target group at every
     * release; Terraform must not point it back.
     */
    private LbListener listener(String id, Setting<Number> port) {
        ServiceSettings.LoadBalancer settings = props.settings();
        Setting<Boolean> https = settings.https();
        LbListener.Builder listener = LbListener.Builder.create(scope, id)
                .loadBalancerArn(loadBalancer.getArn())
                .port(port.value())
                .protocol(Setting.either(https, Setting.of("HTTPS", https.label()), Setting.of("HTTP", https.label())).value())
                .defaultAction(List.of(LbListenerDefaultAction.builder().type("forward").targetGroupArn(blue.getArn()).build()))
                .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("default_action")).build());
        if (https.mayBeTrue()) {
            listener.certificateArn(settings.certificateArn().value()).sslPolicy(settings.sslPolicy().value());
        }
        return listener.build();
    }

    private void redirectHttpToHttps() {
        LbListener.Builder.create(scope, "http_redirect_listener")
                .loadBalancerArn(loadBalancer.getArn())
                .port(HTTP_PORT)
                .protocol("HTTP")
                .defaultAction(List.of(LbListenerDefaultAction.builder()
                        .type("redirect")
                        .redirect(LbListenerDefaultActionRedirect.builder()
                                .protocol("HTTPS")
                                .port(String.valueOf(HTTPS_PORT))
                                .statusCode("HTTP_301")
                                .build())
                        .build()))
                // When a certificate is added, the production listener moves from 80 to 443;
                // port 80 is free for this listener only after that.
                .dependsOn(List.of(productionListener))
                .build();
    }
}
