package io.ecsforge.config;

import java.util.List;
import java.util.Optional;

/**
 * The Application Load Balancer.
 *
 * <p>Its keys in the file, their defaults and the values they allow are declared in {@link LoadBalancerSchema}.
 *
 * @param certificateArn ACM certificate; when set, HTTPS on 443 and HTTP redirected to it
 * @param allowedCidrs who may reach the production listener(s)
 * @param testListenerPort the listener CodeDeploy uses to test a new version before it takes traffic
 * @param testListenerCidrs who may reach the test listener
 * @param deletionProtection the load balancer's deletion protection
 * @param sslPolicy TLS policy of the HTTPS listener
 * @param idleTimeoutSeconds the load balancer's idle timeout
 * @param accessLogs where the load balancer's access logs go; empty for none
 * @param wafWebAclArn the team's regional WAF web ACL associated with the load balancer; empty for none
 * @param waf whether ecsforge makes a web ACL of its own for the load balancer
 */
public record LoadBalancerConfig(
        Optional<String> certificateArn,
        List<String> allowedCidrs,
        int testListenerPort,
        List<String> testListenerCidrs,
        boolean deletionProtection,
        String sslPolicy,
        int idleTimeoutSeconds,
        Optional<AccessLogs> accessLogs,
        Optional<String> wafWebAclArn,
        Waf waf) {

    /** A load balancer without a web ACL of ecsforge's own. */
    public LoadBalancerConfig(Optional<String> certificateArn, List<String> allowedCidrs, int testListenerPort,
            List<String> testListenerCidrs, boolean deletionProtection, String sslPolicy, int idleTimeoutSeconds,
            Optional<AccessLogs> accessLogs, Optional<String> wafWebAclArn) {
        this(certificateArn, allowedCidrs, testListenerPort, testListenerCidrs, deletionProtection, sslPolicy,
                idleTimeoutSeconds, accessLogs, wafWebAclArn, Waf.NONE);
    }

    /** Whether a web ACL filters the load balancer's requests: the team's own, or ecsforge's. */
    public boolean webAcl() {
        return wafWebAclArn.isPresent() || waf == Waf.MANAGED;
    }

    public enum Waf implements Named {
        /** No web ACL of ecsforge's: none at all, or the team's own in {@code wafWebAclArn}. */
        NONE,
        /** A web ACL of AWS managed rule groups, made with the load balancer, logging what it blocks and counts. */
        MANAGED;
    }

    /**
     * An S3 bucket of the team's own that Elastic Load Balancing writes the access logs to.
     *
     * @param bucket the bucket's name
     * @param prefix where in the bucket; empty for its top
     */
    public record AccessLogs(String bucket, Optional<String> prefix) {}

    /** The ports production traffic arrives on: 80, and 443 with a certificate. */
    public List<Integer> productionPorts() {
        return certificateArn.isPresent() ? List.of(443, 80) : List.of(80);
    }

    /** The port of the listener whose target group CodeDeploy swaps. */
    public int productionPort() {
        return certificateArn.isPresent() ? 443 : 80;
    }
}
