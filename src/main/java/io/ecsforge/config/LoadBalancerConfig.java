package io.ecsforge.config;

import java.util.List;
import java.util.Optional;

/**
 * The Application Load Balancer.
 *
 * @param certificateArn ACM certificate; when set, HTTPS on 443 and HTTP redirected to it. @default none: plain HTTP on 80
 * @param allowedCidrs who may reach the production listener(s). @default [0.0.0.0/0]
 * @param testListenerPort the listener CodeDeploy uses to test a new version before it takes traffic. @default 8443
 * @param testListenerCidrs who may reach the test listener. @default [10.0.0.0/8]
 * @param deletionProtection @default false
 * @param sslPolicy TLS policy of the HTTPS listener. @default ELBSecurityPolicy-TLS13-1-2-2021-06
 * @param idleTimeoutSeconds @default 60
 */
public record LoadBalancerConfig(
        Optional<String> certificateArn,
        List<String> allowedCidrs,
        int testListenerPort,
        List<String> testListenerCidrs,
        boolean deletionProtection,
        String sslPolicy,
        int idleTimeoutSeconds) {

    /** The ports production traffic arrives on: 80, and 443 with a certificate. */
    public List<Integer> productionPorts() {
        return certificateArn.isPresent() ? List.of(443, 80) : List.of(80);
    }

    /** The port of the listener whose target group CodeDeploy swaps. */
    public int productionPort() {
        return certificateArn.isPresent() ? 443 : 80;
    }
}
