package io.ecsforge.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAcl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The service and what reaches it: a {@link BlueGreenLoadBalancer}, the {@link FargateService}
 * behind it and, when autoscaling is on, {@link CpuScaling}. The service stack and the
 * ecs-service module are both this part, made directly in the given scope.
 */
public final class BlueGreenService {
    /** The outputs, with what each gives. */
    public static final Map<String, String> OUTPUTS = outputs();

    private final Construct scope;
    private final BlueGreenLoadBalancer balancer;
    private final FargateService service;
    private final ReleaseTargets releaseTargets;

    public BlueGreenService(Construct scope, ServiceSettings settings, Shapes shapes) {
        this.scope = scope;
        ServiceNames names = settings.names();
        ServiceSettings.LoadBalancer loadBalancer = settings.loadBalancer();
        List<ManagedWebAcl> managed = new ArrayList<>();
        shapes.optional(loadBalancer.managedWebAcl(), () -> managed.add(new ManagedWebAcl(scope, names,
                settings.logRetentionDays(), settings.logKey())));
        balancer = new BlueGreenLoadBalancer(scope, new BlueGreenLoadBalancer.Props(names, loadBalancer,
                settings.vpcId(), settings.publicSubnetIds(), settings.containerPort(), settings.healthCheckPath(), shapes,
                webAclArn(loadBalancer, managed)));
        service = new FargateService(scope, settings, shapes, balancer);
        balancer.connectTo(service.securityGroup());
        shapes.optional(settings.autoscaling(), () -> CpuScaling.of(scope,
                "service/" + names.cluster() + "/" + service.service().getName(), names.cpuScalingPolicy(),
                settings.autoscalingMin(), settings.autoscalingMax(), settings.cpuTarget()));

        releaseTargets = new ReleaseTargets(
                names.cluster(),
                names.service(),
                balancer.productionListener().getArn(),
                balancer.testListener().getArn(),
                balancer.blue().getName(),
                balancer.green().getName(),
                balancer.blue().getArnSuffix(),
                balancer.green().getArnSuffix(),
                balancer.loadBalancer().getArnSuffix());
    }

    /**
     * The web ACL the load balancer is associated with: ecsforge's when it made one, else the
     * team's. A module makes ecsforge's with a count of 1 or 0, so it takes the ARN of whichever
     * instance there is.
     */
    private static Setting<String> webAclArn(ServiceSettings.LoadBalancer settings, List<ManagedWebAcl> managed) {
        if (managed.isEmpty()) {
            return settings.webAclArn();
        }
        Wafv2WebAcl acl = managed.get(0).webAcl();
        String address = acl.getTerraformResourceType() + "." + acl.getFriendlyUniqueId();
        return Setting.either(settings.managedWebAcl(),
                Setting.reference("one(" + address + "[*].arn)", acl.getArn(), settings.managedWebAcl().label()),
                settings.webAclArn());
    }

    private static Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("alb_dns_name", "The load balancer's DNS name, where the service answers.");
        outputs.put("alb_zone_id", "The load balancer's hosted zone, for an alias record.");
        outputs.put("alb_arn_suffix", "The load balancer's CloudWatch dimension (app/<name>/<id>).");
        outputs.put("service_name", "The ECS service's name, which CodeDeploy deploys to.");
        outputs.put("production_listener_arn", "The listener whose target group serves production traffic.");
        outputs.put("test_listener_arn", "The listener that reaches a new version before it takes production traffic.");
        outputs.put("blue_target_group_name", "The target group serving production before the first release.");
        outputs.put("green_target_group_name", "The other target group; the two swap roles at every release.");
        outputs.put("task_definition_family", "The task definition family every release registers a revision of.");
        outputs.put("log_group_name", "The container log group.");
        outputs.put("service_security_group_id", "The tasks' security group, for rules that let them reach a database"
                + " or another service.");
        outputs.put("blue_target_group_arn_suffix", "The blue target group's CloudWatch dimension (targetgroup/<name>/<id>),"
                + " which release alarms watch.");
        outputs.put("green_target_group_arn_suffix", "The green target group's CloudWatch dimension, which release alarms"
                + " watch.");
        return Map.copyOf(outputs);
    }

    /**
     * The outputs. A stack's carry no description, and no target groups' ARN suffixes, which its
     * delivery stack reads by cross-stack references: adding either would change every stack's
     * JSON, and users' plans with it.
     */
    public void outputs(boolean described) {
        Lb alb = balancer.loadBalancer();
        output("alb_dns_name", alb.getDnsName(), described);
        output("alb_zone_id", alb.getZoneId(), described);
        output("alb_arn_suffix", alb.getArnSuffix(), described);
        output("service_name", service.service().getName(), described);
        output("production_listener_arn", balancer.productionListener().getArn(), described);
        output("test_listener_arn", balancer.testListener().getArn(), described);
        output("blue_target_group_name", balancer.blue().getName(), described);
        output("green_target_group_name", balancer.green().getName(), described);
        output("task_definition_family", service.task().getFamily(), described);
        output("log_group_name", service.logs().getName(), described);
        output("service_security_group_id", service.securityGroup().getId(), described);
        if (described) {
            output("blue_target_group_arn_suffix", balancer.blue().getArnSuffix(), true);
            output("green_target_group_arn_suffix", balancer.green().getArnSuffix(), true);
        }
    }

    private void output(String name, String value, boolean described) {
        TerraformOutput.Builder output = TerraformOutput.Builder.create(scope, name).value(value);
        if (described) {
            output.description(OUTPUTS.get(name));
        }
        output.build();
    }

    /** What CodeDeploy, its alarms and a release's AppSpec need of the service. */
    public ReleaseTargets releaseTargets() {
        return releaseTargets;
    }
}
