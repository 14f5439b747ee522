package io.ecsforge.stacks;

import static io.ecsforge.stacks.PolicyBuilder.allow;

import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import io.ecsforge.config.StateConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What planning this environment takes of the state bucket and lock table, beside AWS's
 * ReadOnlyAccess: this environment's state objects and lock entries, nothing of another's.
 *
 * @param state where the state is kept and how it is locked
 * @param arns the ARNs of the stack the statements are made in
 */
record StateAccess(EnvironmentNames names, StateConfig state, AwsArns arns) {
    /**
     * The state key is granted by its alias: the key's id is not known before the state stack
     * makes it, and a policy names a key by its key ARN, never by an alias ARN.
     */
    static final String KEY_ALIAS_TEST = "ForAnyValue:StringEquals";
    static final String KEY_ALIAS_VARIABLE = "kms:ResourceAliases";

    /** Every key of the bucket's region; {@link #KEY_ALIAS_VARIABLE} narrows it to the state key. */
    static String keys(AwsArns arns, StateConfig state) {
        return arns.inRegion(state.region()).regional("kms", "key/*");
    }

    /** The plan role's statements: read the state, take and release the lock, read no other state or parameter. */
    List<DataAwsIamPolicyDocumentStatement> plan() {
        List<DataAwsIamPolicyDocumentStatement> statements = new ArrayList<>();
        // Listing limited to this environment's keys; Terraform ignores the denied listing of workspaces (env:/).
        statements.add(allow("StateList").actions("s3:ListBucket").resources(arns.unowned("s3", names.stateBucket()))
                .when("StringLike", "s3:prefix", names.statePrefix() + "*")
                .build());
        statements.add(allow("StateRead", List.of("s3:GetObject"), List.of(stateObjects("*"))));
        // State is encrypted with the state key: reading it decrypts, writing a lock file encrypts.
        statements.add(allow("StateKey").actions("kms:Decrypt", "kms:GenerateDataKey").resources(keys(arns, state))
                .when(KEY_ALIAS_TEST, KEY_ALIAS_VARIABLE, names.stateKmsAlias())
                .build());
        // Plan takes the state lock; it may create and remove lock files, never state.
        statements.add(allow("StateLockFiles", List.of("s3:DeleteObject", "s3:PutObject"), List.of(stateObjects("*.tflock"))));
        lockTable().ifPresent(table -> {
            statements.add(allow("StateLockTableRead").actions("dynamodb:GetItem").resources(table)
                    .when("ForAllValues:StringLike", "dynamodb:LeadingKeys", lockItems("*"))
                    .build());
            // Lock items are keyed <bucket>/<state key>; the state digests (<key>-md5) stay read-only.
            statements.add(allow("StateLockTableLock").actions("dynamodb:DeleteItem", "dynamodb:PutItem").resources(table)
                    .when("ForAllValues:StringLike", "dynamodb:LeadingKeys", lockItems("*.tfstate"))
                    .build());
        });
        // ReadOnlyAccess grants s3:Get* and ssm:Get* on everything: it would let a pull request
        // read other environments' state files and parameter values. Explicit denies win.
        statements.add(PolicyBuilder.deny("DenyObjectsOutsideThisState")
                .actions("s3:GetObject", "s3:GetObjectVersion")
                .notResources(List.of(stateObjects("*")))
                .build());
        statements.add(PolicyBuilder.deny("DenyParameterValues")
                .actions("ssm:GetParameter", "ssm:GetParameterHistory", "ssm:GetParameters", "ssm:GetParametersByPath")
                .resources(arns.inRegion("*").regional("ssm", "parameter/*"))
                .build());
        return statements;
    }

    private String stateObjects(String pattern) {
        return arns.unowned("s3", names.stateBucket() + "/" + names.statePrefix() + pattern);
    }

    private Optional<String> lockTable() {
        if (!state.lock().usesDynamodb()) {
            return Optional.empty();
        }
        return names.lockTable().map(table -> arns.inRegion(state.region()).regional("dynamodb", "table/" + table));
    }

    /** Items of this environment only: the lock table's key is {@code <bucket>/<state key>[-md5]}. */
    private String lockItems(String pattern) {
        return names.stateBucket() + "/" + names.statePrefix() + pattern;
    }
}
