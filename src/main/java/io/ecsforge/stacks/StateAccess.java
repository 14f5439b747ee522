package io.ecsforge.stacks;

import java.util.ArrayList;
import java.util.List;

/**
 * What planning this environment takes of the state bucket and lock table, beside AWS's
 * ReadOnlyAccess: this environment's state objects and lock entries, nothing of another's.
 *
 * @param settings where the state is kept and how it is locked
 * @param arns the ARNs of the stack the statements are made in
 */
record StateAccess(AccessSettings settings, AwsArns arns) {
    /**
     * The state key is granted by its alias: the key's id is not known before the state stack
     * makes it, and a policy names a key by its key ARN, never by an alias ARN.
     */
    static final String KEY_ALIAS_TEST = "ForAnyValue:StringEquals";
    static final String KEY_ALIAS_VARIABLE = "kms:ResourceAliases";

    /** Every key of the bucket's region ({@code region}); {@link #KEY_ALIAS_VARIABLE} narrows it to the state key. */
    static String keys(AwsArns arns, String region) {
        return arns.inRegion(region).regional("kms", "key/*");
    }

    /** The plan role's statements: read the state, take and release the lock, read no other state or parameter. */
    List<Statements.Item> plan() {
        String bucket = settings.stateBucket().text();
        String prefix = settings.names().statePrefix();
        List<Statements.Item> statements = new ArrayList<>();
        // Listing limited to this environment's keys; Terraform ignores the denied listing of workspaces (env:/).
        statements.add(Statements.allow("StateList", List.of("s3:ListBucket"), List.of(arns.unowned("s3", bucket)))
                .condition("StringLike", "s3:prefix", prefix + "*"));
        statements.add(Statements.allow("StateRead", List.of("s3:GetObject"), List.of(stateObjects("*"))));
        // State is encrypted with the state key: reading it decrypts, writing a lock file encrypts.
        statements.add(Statements.allow("StateKey", List.of("kms:Decrypt", "kms:GenerateDataKey"),
                        List.of(keys(arns, settings.stateRegion().text())))
                .condition(KEY_ALIAS_TEST, KEY_ALIAS_VARIABLE, settings.names().stateKmsAlias()));
        // Plan takes the state lock; it may create and remove lock files, never state.
        statements.add(Statements.allow("StateLockFiles", List.of("s3:DeleteObject", "s3:PutObject"), List.of(stateObjects("*.tflock"))));
        String table = arns.inRegion(settings.stateRegion().text()).regional("dynamodb", "table/" + settings.lockTable().text());
        statements.add(Statements.allow("StateLockTableRead", List.of("dynamodb:GetItem"), List.of(table))
                .condition("ForAllValues:StringLike", "dynamodb:LeadingKeys", lockItems("*"))
                .when(settings.dynamodbLock()));
        // Lock items are keyed <bucket>/<state key>; the state digests (<key>-md5) stay read-only.
        statements.add(Statements.allow("StateLockTableLock", List.of("dynamodb:DeleteItem", "dynamodb:PutItem"), List.of(table))
                .condition("ForAllValues:StringLike", "dynamodb:LeadingKeys", lockItems("*.tfstate"))
                .when(settings.dynamodbLock()));
        // ReadOnlyAccess grants s3:Get* and ssm:Get* on everything: it would let a pull request
        // read other environments' state files and parameter values. Explicit denies win.
        statements.add(Statements.denyOutside("DenyObjectsOutsideThisState", List.of("s3:GetObject", "s3:GetObjectVersion"),
                List.of(stateObjects("*"))));
        statements.add(Statements.deny("DenyParameterValues",
                List.of("ssm:GetParameter", "ssm:GetParameterHistory", "ssm:GetParameters", "ssm:GetParametersByPath"),
                List.of(arns.inRegion("*").regional("ssm", "parameter/*"))));
        return statements;
    }

    private String stateObjects(String pattern) {
        return arns.unowned("s3", settings.stateBucket().text() + "/" + settings.names().statePrefix() + pattern);
    }

    /** Items of this environment only: the lock table's key is {@code <bucket>/<state key>[-md5]}. */
    private String lockItems(String pattern) {
        return settings.stateBucket().text() + "/" + settings.names().statePrefix() + pattern;
    }
}
