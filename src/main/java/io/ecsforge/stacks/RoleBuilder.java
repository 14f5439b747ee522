package io.ecsforge.stacks;

import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import java.util.List;
import software.constructs.Construct;

/**
 * IAM roles and the policies on them, made in a stack's scope. Every construct id is given by
 * the caller: ids are Terraform addresses and must not follow from names that may change.
 */
final class RoleBuilder {
    private final Construct scope;

    RoleBuilder(Construct scope) {
        this.scope = scope;
    }

    /** The role {@code name}, which {@code trustJson} says who may assume. */
    IamRole role(String id, String name, String trustJson) {
        return IamRole.Builder.create(scope, id).name(name).assumeRolePolicy(trustJson).build();
    }

    /** As {@link #role(String, String, String)}, with a description for the IAM console. */
    IamRole role(String id, String name, String description, String trustJson) {
        return IamRole.Builder.create(scope, id).name(name).description(description).assumeRolePolicy(trustJson).build();
    }

    /**
     * An inline policy {@code name} on {@code role}, its document made as {@code documentId}; none
     * at all when there are no statements, since IAM refuses an empty policy.
     */
    void inlinePolicy(String documentId, String policyId, String name, IamRole role, List<DataAwsIamPolicyDocumentStatement> statements) {
        if (statements.isEmpty()) {
            return;
        }
        IamRolePolicy.Builder.create(scope, policyId)
                .name(name)
                .role(role.getId())
                .policy(PolicyBuilder.document(scope, documentId, statements).getJson())
                .build();
    }

    /** Attaches the managed policy {@code policyArn} to {@code role}. */
    void attach(String id, IamRole role, String policyArn) {
        IamRolePolicyAttachment.Builder.create(scope, id).role(role.getName()).policyArn(policyArn).build();
    }
}
