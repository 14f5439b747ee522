package io.ecsforge.stacks;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionRedirect;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import io.ecsforge.config.LoadBalancerConfig;
import java.util.List;
import software.constructs.Construct;

/**
 * An internet-facing Application Load Balancer for CodeDeploy blue/green releases: its security
 * group, a blue and a green target group, a production and a test listener that both start on
 * blue, and with a certificate a listener that redirects HTTP to HTTPS. Made in the scope it is
 * given, so its construct ids are the stack's own.
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

    /**
     * What the load balancer is made of.
     *
     * @param names the environment's names
     * @param settings listener ports, allowed blocks, certificate and the balancer's own settings
     * @param vpcId the VPC of the security group and target groups
     * @param subnetIds the public subnets it listens in, one a zone
     * @param targetPort the port targets listen on; health checks go there too
     * @param healthCheckPath the path health checks ask for
     */
    public record Props(EnvironmentNames names, LoadBalancerConfig settings, String vpcId, List<String> subnetIds,
            int targetPort, String healthCheckPath) {}

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
        LoadBalancerConfig settings = props.settings();
        securityGroup = SecurityGroup.Builder.create(scope, "alb_security_group")
                .name(props.names().loadBalancerSecurityGroup())
                .description("Load balancer of " + props.names().prefix() + ": listener ports in, the container port out")
                .vpcId(props.vpcId())
                .build();
        for (int port : settings.productionPorts()) {
            allowIn(port, settings.allowedCidrs(), "production");
        }
        allowIn(settings.testListenerPort(), settings.testListenerCidrs(), "test");
        loadBalancer = Lb.Builder.create(scope, "alb")
                .name(props.names().loadBalancer())
                .loadBalancerType("application")
                .internal(false)
                .subnets(props.subnetIds())
                .securityGroups(List.of(securityGroup.getId()))
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(settings.deletionProtection())
                .idleTimeout(settings.idleTimeoutSeconds())
                .build();
        blue = targetGroup(EnvironmentNames.BLUE);
        green = targetGroup(EnvironmentNames.GREEN);
        productionListener = listener("production_listener", settings.productionPort());
        testListener = listener("test_listener", settings.testListenerPort());
        if (settings.certificateArn().isPresent()) {
            redirectHttpToHttps();
        }
    }

    /** Lets the load balancer send requests and health checks to {@code targets} on the target port. */
    public void connectTo(SecurityGroup targets) {
        VpcSecurityGroupEgressRule.Builder.create(scope, "alb_egress_to_service")
                .securityGroupId(securityGroup.getId())
                .description("requests and health checks to the tasks")
                .ipProtocol("tcp")
                .fromPort(props.targetPort())
                .toPort(props.targetPort())
                .referencedSecurityGroupId(targets.getId())
                .build();
        VpcSecurityGroupIngressRule.Builder.create(scope, "service_ingress_from_alb")
                .securityGroupId(targets.getId())
                .description("requests and health checks from the load balancer")
                .ipProtocol("tcp")
                .fromPort(props.targetPort())
                .toPort(props.targetPort())
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
     * leaves the other rules alone.
     */
    private void allowIn(int port, List<String> cidrs, String listener) {
        for (String cidr : cidrs) {
            VpcSecurityGroupIngressRule.Builder.create(scope, "alb_ingress_" + port + "_" + cidr.replaceAll("[./]", "_"))
                    .securityGroupId(securityGroup.getId())
                    .description("the " + listener + " listener on " + port)
                    .ipProtocol("tcp")
                    .fromPort(port)
                    .toPort(port)
                    .cidrIpv4(cidr)
                    .build();
        }
    }

    private LbTargetGroup targetGroup(String role) {
        return LbTargetGroup.Builder.create(scope, role)
                .name(props.names().targetGroup(role))
                .targetType("ip")
                .protocol("HTTP")
                .port(props.targetPort())
                .vpcId(props.vpcId())
                .deregistrationDelay(String.valueOf(DEREGISTRATION_DELAY_SECONDS))
                .healthCheck(LbTargetGroupHealthCheck.builder()
                        .enabled(true)
                        .protocol("HTTP")
                        .port("traffic-port")
                        .path(props.healthCheckPath())
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
    private LbListener listener(String id, int port) {
        LoadBalancerConfig settings = props.settings();
        LbListener.Builder listener = LbListener.Builder.create(scope, id)
                .loadBalancerArn(loadBalancer.getArn())
                .port(port)
                .protocol(settings.certificateArn().isPresent() ? "HTTPS" : "HTTP")
                .defaultAction(List.of(LbListenerDefaultAction.builder().type("forward").targetGroupArn(blue.getArn()).build()))
                .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("default_action")).build());
        settings.certificateArn().ifPresent(certificate -> listener.certificateArn(certificate).sslPolicy(settings.sslPolicy()));
        return listener.build();
    }

    private void redirectHttpToHttps() {
        LbListener.Builder.create(scope, "http_redirect_listener")
                .loadBalancerArn(loadBalancer.getArn())
                .port(80)
                .protocol("HTTP")
                .defaultAction(List.of(LbListenerDefaultAction.builder()
                        .type("redirect")
                        .redirect(LbListenerDefaultActionRedirect.builder()
                                .protocol("HTTPS")
                                .port("443")
                                .statusCode("HTTP_301")
                                .build())
                        .build()))
                // When a certificate is added, the production listener moves from 80 to 443;
                // port 80 is free for this listener only after that.
                .dependsOn(List.of(productionListener))
                .build();
    }
}
