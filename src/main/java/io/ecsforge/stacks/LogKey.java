package io.ecsforge.stacks;

import com.hashicorp.cdktf.providers.aws.data_aws_kms_alias.DataAwsKmsAlias;
import io.ecsforge.config.EnvironmentConfig;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The KMS key a log group is encrypted with, as a part reads it: none (CloudWatch Logs' own
 * encryption), a key ARN (the configuration's, or a module's variable, empty for none), or the
 * environment's state key, looked up by its alias where the group is made, since CloudWatch Logs
 * takes a key ARN and the state key's ARN is known only once the state stack has made it.
 *
 * @param arn the key ARN; empty for none; not read when {@code stateAlias} is given
 * @param stateAlias the state key's alias, when the group is under the state key
 */
public record LogKey(Setting<String> arn, Optional<String> stateAlias) {
    /** A stack's key: {@code configured} is the setting as the loader read it ({@code state} or an ARN). */
    static LogKey of(Optional<String> configured, String label, EnvironmentNames names) {
        if (configured.filter(EnvironmentConfig.STATE_KEY::equals).isPresent()) {
            return new LogKey(Setting.of("", label), Optional.of(names.stateKmsAlias()));
        }
        return new LogKey(Setting.of(configured.orElse(""), label), Optional.empty());
    }

    /** A module's variable {@code name}: a key ARN, empty for none. */
    public static LogKey variable(String name) {
        return new LogKey(Setting.variable(name, ""), Optional.empty());
    }

    /** What a log group's {@code kms_key_id} takes: null for none, so that it is left out. */
    String keyId(Construct scope, String lookupId) {
        if (stateAlias.isPresent()) {
            return DataAwsKmsAlias.Builder.create(scope, lookupId).name(stateAlias.get()).build().getTargetKeyArn();
        }
        if (arn.isLiteral()) {
            return arn.literal().isEmpty() ? null : arn.literal();
        }
        return Setting.expression(arn.expression() + " == \"\" ? null : " + arn.expression(), "", arn.label()).value();
    }
}
