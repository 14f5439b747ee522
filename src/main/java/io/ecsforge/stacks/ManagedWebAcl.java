package io.ecsforge.stacks;

import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAcl;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclDefaultAction;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclDefaultActionAllow;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRule;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleOverrideAction;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleOverrideActionNone;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementManagedRuleGroupStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementManagedRuleGroupStatementRuleActionOverride;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUse;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCount;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleVisibilityConfig;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclVisibilityConfig;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl_logging_configuration.Wafv2WebAclLoggingConfiguration;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl_logging_configuration.Wafv2WebAclLoggingConfigurationLoggingFilter;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl_logging_configuration.Wafv2WebAclLoggingConfigurationLoggingFilterFilter;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl_logging_configuration.Wafv2WebAclLoggingConfigurationLoggingFilterFilterCondition;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl_logging_configuration.Wafv2WebAclLoggingConfigurationLoggingFilterFilterConditionActionCondition;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl_logging_configuration.Wafv2WebAclLoggingConfigurationRedactedFields;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl_logging_configuration.Wafv2WebAclLoggingConfigurationRedactedFieldsSingleHeader;
import java.util.List;
import software.constructs.Construct;

/**
 * The web ACL ecsforge makes for the load balancer with {@code loadBalancer.waf: managed}: AWS's
 * managed rule groups in front of every request, and a log group of what they block or count.
 * Made in the scope it is given, so its construct ids are the stack's own.
 */
public final class ManagedWebAcl {
    /** AWS's vendor name of its own managed rule groups. */
    static final String VENDOR = "AWS";
    /** The most web ACL capacity units a web ACL takes at the base price; the groups below use 975. */
    static final int CAPACITY_LIMIT = 1500;
    /** The rule of the anonymous IP list that is only counted (see {@link #RULE_GROUPS}). */
    static final String HOSTING_PROVIDERS = "HostingProviderIPList";
    /** What the logs keep: requests a rule blocked or counted. Allowed requests are most of them, and cost ingestion only. */
    static final List<String> LOGGED_ACTIONS = List.of("BLOCK", "COUNT");
    /** Headers that carry credentials, which the logs leave out. */
    static final List<String> REDACTED_HEADERS = List.of("authorization", "cookie");

    /**
     * One managed rule group, in the order they are evaluated.
     *
     * @param name the group's name in WAF
     * @param capacity its web ACL capacity units, as AWS publishes them
     * @param counted rules of the group that only count, not block
     */
    record RuleGroup(String name, int capacity, List<String> counted) {}

    /**
     * The cheap address lists first, so that a request they block is not inspected further. The
     * anonymous IP list's hosting-provider rule only counts: the environment's own NAT gateways (the
     * test listener's smoke tests), CI runners and health checkers come from hosting providers.
     */
    static final List<RuleGroup> RULE_GROUPS = List.of(
            new RuleGroup("AWSManagedRulesAmazonIpReputationList", 25, List.of()),
            new RuleGroup("AWSManagedRulesAnonymousIpList", 50, List.of(HOSTING_PROVIDERS)),
            new RuleGroup("AWSManagedRulesKnownBadInputsRuleSet", 200, List.of()),
            new RuleGroup("AWSManagedRulesCommonRuleSet", 700, List.of()));

    private final Wafv2WebAcl webAcl;

    /**
     * @param names the web ACL's and its log group's names
     * @param logRetentionDays the log group's retention, the service's
     * @param logKey the log group's key, the service's
     */
    public ManagedWebAcl(Construct scope, ServiceNames names, Setting<Number> logRetentionDays, LogKey logKey) {
        if (RULE_GROUPS.stream().mapToInt(RuleGroup::capacity).sum() >= CAPACITY_LIMIT) {
            throw new IllegalStateException("the managed rule groups need " + CAPACITY_LIMIT + " capacity units or more");
        }
        webAcl = Wafv2WebAcl.Builder.create(scope, "web_acl")
                .name(names.webAcl())
                .description("AWS managed rule groups in front of the load balancer of " + names.prefix())
                .scope("REGIONAL")
                .defaultAction(Wafv2WebAclDefaultAction.builder()
                        .allow(Wafv2WebAclDefaultActionAllow.builder().build())
                        .build())
                .rule(rules())
                .visibilityConfig(Wafv2WebAclVisibilityConfig.builder()
                        .cloudwatchMetricsEnabled(true)
                        .metricName(names.webAcl())
                        .sampledRequestsEnabled(true)
                        .build())
                .build();
        CloudwatchLogGroup logs = CloudwatchLogGroup.Builder.create(scope, "web_acl_logs")
                .name(names.webAclLogGroup())
                .retentionInDays(logRetentionDays.value())
                .kmsKeyId(logKey.keyId(scope, "web_acl_logs_kms_key"))
                .build();
        Wafv2WebAclLoggingConfiguration.Builder.create(scope, "web_acl_logging")
                .resourceArn(webAcl.getArn())
                .logDestinationConfigs(List.of(logs.getArn()))
                .redactedFields(REDACTED_HEADERS.stream().map(header -> Wafv2WebAclLoggingConfigurationRedactedFields.builder()
                        .singleHeader(Wafv2WebAclLoggingConfigurationRedactedFieldsSingleHeader.builder().name(header).build())
                        .build()).toList())
                .loggingFilter(Wafv2WebAclLoggingConfigurationLoggingFilter.builder()
                        .defaultBehavior("DROP")
                        .filter(List.of(Wafv2WebAclLoggingConfigurationLoggingFilterFilter.builder()
                                .behavior("KEEP")
                                .requirement("MEETS_ANY")
                                .condition(LOGGED_ACTIONS.stream().map(action ->
                                        Wafv2WebAclLoggingConfigurationLoggingFilterFilterCondition.builder()
                                                .actionCondition(Wafv2WebAclLoggingConfigurationLoggingFilterFilterConditionActionCondition
                                                        .builder().action(action).build())
                                                .build()).toList())
                                .build()))
                        .build())
                .build();
    }

    public Wafv2WebAcl webAcl() {
        return webAcl;
    }

    private static List<Wafv2WebAclRule> rules() {
        return RULE_GROUPS.stream().map(group -> Wafv2WebAclRule.builder()
                .name(group.name())
                .priority(RULE_GROUPS.indexOf(group))
                // The group's own actions stand: none overrides them to count.
                .overrideAction(Wafv2WebAclRuleOverrideAction.builder()
                        .none(Wafv2WebAclRuleOverrideActionNone.builder().build())
                        .build())
                .statement(Wafv2WebAclRuleStatement.builder()
                        .managedRuleGroupStatement(managedGroup(group))
                        .build())
                .visibilityConfig(Wafv2WebAclRuleVisibilityConfig.builder()
                        .cloudwatchMetricsEnabled(true)
                        .metricName(group.name())
                        .sampledRequestsEnabled(true)
                        .build())
                .build()).toList();
    }

    private static Wafv2WebAclRuleStatementManagedRuleGroupStatement managedGroup(RuleGroup group) {
        Wafv2WebAclRuleStatementManagedRuleGroupStatement.Builder statement =
                Wafv2WebAclRuleStatementManagedRuleGroupStatement.builder().name(group.name()).vendorName(VENDOR);
        if (!group.counted().isEmpty()) {
            statement.ruleActionOverride(group.counted().stream().map(rule ->
                    Wafv2WebAclRuleStatementManagedRuleGroupStatementRuleActionOverride.builder()
                            .name(rule)
                            .actionToUse(Wafv2WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUse.builder()
                                    .count(Wafv2WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCount
                                            .builder().build())
                                    .build())
                            .build()).toList());
        }
        return statement.build();
    }
}
