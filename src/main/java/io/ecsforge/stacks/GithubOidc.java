package io.ecsforge.stacks;

import com.hashicorp.cdktf.providers.aws.data_aws_iam_openid_connect_provider.DataAwsIamOpenidConnectProvider;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.iam_openid_connect_provider.IamOpenidConnectProvider;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/** GitHub Actions as an identity AWS trusts: the account's OIDC provider and the trust statements of the roles jobs assume. */
final class GithubOidc {
    /** GitHub's OIDC issuer; the role trust policies name its claims by this host. */
    static final String HOST = "token.actions.githubusercontent.com";
    static final String URL = "https://" + HOST;
    /** The audience aws-actions/configure-aws-credentials asks GitHub to put in the token. */
    static final String AUDIENCE = "sts.amazonaws.com";
    /**
     * The thumbprints GitHub published for its OIDC certificate chain (2023-06). IAM no longer
     * checks them for this issuer, which it verifies through its own trusted CAs, but the API
     * still requires at least one.
     */
    static final List<String> THUMBPRINTS = List.of(
            "1c58a3a8518e8759bf075b76b750d4f2df264fcd", "6938fd4d98bab03faadb97b34396831e3780aea1");
    /** The construct id of the provider, made or looked up. */
    private static final String PROVIDER_ID = "github";

    private GithubOidc() {}

    /**
     * The account's GitHub OIDC provider's ARN: made here when {@code create} is true, otherwise
     * looked up (one per account). A module, which cannot know which, has both, each counted by
     * the flag, and picks the ARN of the one it has; there the lookup's construct id differs from
     * the provider's, as ids are unique in a scope.
     */
    static String provider(Construct scope, Setting<Boolean> create, Shapes shapes) {
        List<IamOpenidConnectProvider> made = new ArrayList<>();
        List<DataAwsIamOpenidConnectProvider> found = new ArrayList<>();
        shapes.optional(create, () -> made.add(IamOpenidConnectProvider.Builder.create(scope, PROVIDER_ID)
                .url(URL)
                .clientIdList(List.of(AUDIENCE))
                .thumbprintList(THUMBPRINTS)
                .build()));
        shapes.optional(Statements.not(create), () -> found.add(DataAwsIamOpenidConnectProvider.Builder.create(scope,
                create.isLiteral() ? PROVIDER_ID : PROVIDER_ID + "_lookup").url(URL).build()));
        if (create.isLiteral()) {
            return create.literal() ? made.get(0).getArn() : found.get(0).getArn();
        }
        IamOpenidConnectProvider provider = made.get(0);
        DataAwsIamOpenidConnectProvider lookup = found.get(0);
        return "${" + create.expression() + " ? " + provider.getTerraformResourceType() + "." + provider.getFriendlyUniqueId()
                + ".arn : data." + lookup.getTerraformResourceType() + "." + lookup.getFriendlyUniqueId() + ".arn}";
    }

    /** The subject GitHub gives a job that runs in the GitHub environment named after this one. */
    static String environmentSubject(AccessSettings settings) {
        return "repo:" + settings.githubRepository().text() + ":environment:" + settings.environment().text();
    }

    /** The subject GitHub gives a job that runs for a pull request. */
    static String pullRequestSubject(AccessSettings settings) {
        return "repo:" + settings.githubRepository().text() + ":pull_request";
    }

    /** Jobs with one of {@code subjects}, holding a token of {@code provider} for AWS, may assume the role. */
    static DataAwsIamPolicyDocumentStatement trust(String provider, List<String> subjects) {
        return PolicyBuilder.assumedBy("Federated", provider)
                .sid("AssumedByGithubActions")
                .actions("sts:AssumeRoleWithWebIdentity")
                .when("StringEquals", HOST + ":aud", AUDIENCE)
                .when("StringEquals", HOST + ":sub", subjects)
                .build();
    }
}
